package cn.fpr.platform.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes with the idempotent producer and {@code acks=all}; waits for every acknowledgement. */
final class KafkaOutboxPublisher implements OutboxPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration timeout;

    KafkaOutboxPublisher(KafkaTemplate<String, byte[]> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    @Override
    public void publish(List<OutboxMessage> messages) {
        List<CompletableFuture<?>> acks = messages.stream().<CompletableFuture<?>>map(this::send).toList();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the events: " + e.getMessage(), e);
        }
    }

    private CompletableFuture<?> send(OutboxMessage message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.key(),
                message.payload().getBytes(StandardCharsets.UTF_8));
        message.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return kafka.send(record);
    }
}
