package cn.fpr.platform.outbox;

import cn.fpr.platform.audit.AuditEntry;
import cn.fpr.platform.audit.AuditTrail;

import java.time.Duration;
import java.util.List;

/**
 * The relay's publisher: audit entries waiting in outboxes go to the service's audit trail, every
 * other message to the broker. Both are idempotent (the trail keeps an entry by its ID), so a
 * relay that crashes before clearing the outbox and sends again changes nothing.
 */
final class AuditRouting implements OutboxPublisher {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final OutboxPublisher broker;
    private final AuditTrail trail;

    AuditRouting(OutboxPublisher broker, AuditTrail trail) {
        this.broker = broker;
        this.trail = trail;
    }

    @Override
    public void publish(List<OutboxMessage> messages) {
        List<OutboxMessage> events = messages.stream().filter(message -> !AuditTrail.DESTINATION.equals(message.topic())).toList();
        if (!events.isEmpty()) {
            broker.publish(events);
        }
        messages.stream().filter(message -> AuditTrail.DESTINATION.equals(message.topic()))
                .forEach(message -> trail.record(AuditEntry.fromJson(message.payload())).block(TIMEOUT));
    }
}
