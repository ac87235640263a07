package cn.fpr.platform.outbox;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.EventCatalogue;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.EventEnvelope;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An event waiting in its aggregate's document to be relayed to Kafka: everything the relay needs,
 * frozen when the state change was made.
 *
 * @param eventId  the CloudEvents ID
 * @param topic    destination topic
 * @param key      record key (the aggregate ID)
 * @param headers  CloudEvents binary-mode headers
 * @param payload  JSON record value
 */
public record OutboxMessage(String eventId, String topic, String key, Map<String, String> headers, String payload) {

    public static OutboxMessage of(EventEnvelope<?> envelope) {
        return new OutboxMessage(envelope.id(), EventCatalogue.typeOf(envelope.data()).topic().name(),
                envelope.subject(), CloudEventHeaders.toHeaders(envelope),
                new String(EventCodec.encode(envelope.data()), StandardCharsets.UTF_8));
    }
}
