package cn.fpr.simulator;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.EventCatalogue;
import cn.fpr.contracts.EventEnvelope;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/** An event as a producing system puts it on its topic: keyed by its subject, its envelope in CloudEvents headers. */
public final class EventRecords {

    private EventRecords() {
    }

    /** The record of an envelope, with the payload given (the event's JSON, or something else on purpose). */
    public static ProducerRecord<String, byte[]> of(EventEnvelope<?> envelope, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventCatalogue.typeOf(envelope.data()).topic().name(),
                envelope.subject(), value);
        CloudEventHeaders.toHeaders(envelope).forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
