package cn.fpr.platform.outbox;

import java.util.List;

/** Sends events to the broker and returns only when every one was acknowledged. */
public interface OutboxPublisher {

    void publish(List<OutboxMessage> messages);
}
