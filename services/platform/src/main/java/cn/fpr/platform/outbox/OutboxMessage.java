package cn.fpr.platform.outbox;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.EventCatalogue;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.EventEnvelope;

import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /** Freezes the event for the relay; an event its own schema refuses is never published. */
    public static OutboxMessage of(EventEnvelope<?> envelope) {
        byte[] payload = EventCodec.encode(envelope.data());
        List<String> violations = EventCodec.violations(envelope.type(), payload);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(envelope.type() + " does not meet its own schema: " + violations);
        }
        return new OutboxMessage(envelope.id(), EventCatalogue.typeOf(envelope.data()).topic().name(),
                envelope.subject(), CloudEventHeaders.toHeaders(envelope), new String(payload, StandardCharsets.UTF_8));
    }
}
