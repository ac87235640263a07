package cn.fpr.testsupport;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventCatalogue;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.EventEnvelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Sends records to the shared broker as an outside system would (a departmental system, a partner). */
public final class TestProducer {

    private static KafkaProducer<String, byte[]> producer;

    /** Publishes an event as its producer would: CloudEvents headers, JSON value, keyed by its subject. */
    public static void publish(EventEnvelope<?> envelope) {
        send(EventCatalogue.typeOf(envelope.data()).topic().name(), envelope.subject(),
                CloudEventHeaders.toHeaders(envelope), EventCodec.encode(envelope.data()));
    }

    /** Wraps and publishes an event from the named source at the fixed test time. */
    public static <E extends DomainEvent> EventEnvelope<E> publish(String source, String correlationId, E event) {
        EventEnvelope<E> envelope = EventEnvelope.of(UUID.randomUUID().toString(), source, FixedClock.NOW, correlationId, event);
        publish(envelope);
        return envelope;
    }

    public static void send(String topic, String key, Map<String, String> headers, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(new RecordHeader(name, text.getBytes(StandardCharsets.UTF_8))));
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused the record", e);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private TestProducer() {
    }
}
