package cn.fpr.platform.messaging;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.MalformedEventException;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.labour.LabourEvent;
import cn.fpr.platform.store.StoreCircuit;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The records of one poll: what is applied together, what one at a time, and which record the
 * error handler is told failed (it commits those before it, retries or dead-letters it, and
 * delivers those after it again).
 */
class InboundBatchTest {

    private final InboundEvents inbound = new InboundEvents(Duration.ofSeconds(5), Duration.ofSeconds(1), new StoreCircuit(Duration.ofSeconds(5)));
    private final List<String> together = new ArrayList<>();
    private final List<String> oneByOne = new ArrayList<>();

    @Test
    void a_poll_of_good_records_is_applied_together_in_order() {
        inbound.handleBatch(batch(placed("p-1"), placed("p-2"), placed("p-3")), LabourEvent.class, this::applyTogether, this::applyOne);

        assertThat(together).containsExactly("p-1", "p-2", "p-3");
        assertThat(oneByOne).isEmpty();
    }

    @Test
    void the_records_before_a_malformed_one_are_applied_and_the_malformed_one_is_named_with_its_reason() {
        assertThatThrownBy(() -> inbound.handleBatch(batch(placed("p-1"), placed("p-2"), malformed(), placed("p-4")), LabourEvent.class,
                this::applyTogether, this::applyOne))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> assertThat(failed.getIndex()).isEqualTo(2))
                .hasCauseInstanceOf(MalformedEventException.class);

        assertThat(together).containsExactly("p-1", "p-2");
    }

    @Test
    void when_the_records_cannot_be_applied_together_they_are_applied_one_at_a_time_up_to_the_one_that_fails() {
        assertThatThrownBy(() -> inbound.handleBatch(batch(placed("p-1"), placed("refused"), placed("p-3")), LabourEvent.class,
                received -> Mono.error(new IllegalStateException("one of them cannot be applied")), this::applyOne))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> assertThat(failed.getIndex()).isEqualTo(1))
                .hasMessageContaining("refused is refused");

        assertThat(oneByOne).containsExactly("p-1");
    }

    @Test
    void a_dead_letter_replayed_through_a_batch_binding_arrives_as_a_batch_of_one() {
        Message<byte[]> record = placed("p-9");

        inbound.handleBatch(InboundEvents.asBatch(record), LabourEvent.class, this::applyTogether, this::applyOne);

        assertThat(together).containsExactly("p-9");
    }

    private Mono<?> applyTogether(List<InboundEvents.Received<LabourEvent>> received) {
        received.forEach(one -> together.add(((JobPlaced) one.event()).placementId()));
        return Mono.just(received.size());
    }

    private Mono<?> applyOne(EventEnvelope<?> envelope, LabourEvent event) {
        String id = ((JobPlaced) event).placementId();
        if (id.equals("refused")) {
            return Mono.error(new IllegalArgumentException(id + " is refused"));
        }
        oneByOne.add(id);
        return Mono.just(id);
    }

    private static Message<byte[]> placed(String placementId) {
        EventEnvelope<JobPlaced> envelope = EventEnvelope.of("id-" + placementId, "/employment", Instant.parse("2026-03-01T00:00:00Z"),
                "corr-" + placementId, new JobPlaced(placementId, "hh-1", "m-1", OpeningKind.ENTERPRISE, "520526",
                        new BigDecimal("3200"), LocalDate.of(2026, 3, 1), false, null));
        return record(CloudEventHeaders.toHeaders(envelope), EventCodec.encode(envelope.data()));
    }

    private static Message<byte[]> malformed() {
        Message<byte[]> good = placed("p-3");
        Map<String, String> headers = new HashMap<>();
        good.getHeaders().forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                headers.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        return record(headers, "{not json".getBytes(StandardCharsets.UTF_8));
    }

    private static Message<byte[]> record(Map<String, String> headers, byte[] value) {
        MessageBuilder<byte[]> record = MessageBuilder.withPayload(value);
        headers.forEach((name, text) -> record.setHeader(name, text.getBytes(StandardCharsets.UTF_8)));
        return record.build();
    }

    /** The records as a binding in batch mode delivers them: the values, and each record's headers in a list. */
    @SafeVarargs
    private static Message<List<byte[]>> batch(Message<byte[]>... records) {
        List<byte[]> values = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        for (Message<byte[]> record : records) {
            values.add(record.getPayload());
            headers.add(new HashMap<>(record.getHeaders()));
        }
        return MessageBuilder.withPayload(values).setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers).build();
    }
}
