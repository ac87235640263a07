package cn.fpr.platform.messaging;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.platform.store.StoreCircuit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one way a binding function reads an event: decode the CloudEvents headers and validate the
 * payload (a malformed record fails at once, without retries, and lands in the dead-letter
 * topic), check it is of the topic's family, then run the handler with the event's correlation ID
 * in context. The handler's effect must be idempotent on the event ID.
 */
public final class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final Duration timeout;
    private final Duration storeOutageWait;
    private final StoreCircuit circuit;

    /**
     * @param timeout          how long one try of a handler may take
     * @param storeOutageWait  how long a handler keeps trying while the store cannot be reached (the
     *                         record is neither committed nor dead-lettered meanwhile; it must stay
     *                         under the consumer's max.poll.interval.ms, 5 minutes by default)
     * @param circuit          the store's circuit breaker: while it is open, a try fails at once (and the record is held)
     */
    public InboundEvents(Duration timeout, Duration storeOutageWait, StoreCircuit circuit) {
        this.timeout = timeout;
        this.storeOutageWait = storeOutageWait;
        this.circuit = circuit;
    }

    public <E extends DomainEvent> void handle(Message<byte[]> message, Class<E> family,
                                               BiFunction<EventEnvelope<DomainEvent>, E, Mono<?>> handler) {
        EventEnvelope<DomainEvent> envelope = read(message, family);
        log.debug("applying {} {} for {} (correlation {})", envelope.type(), envelope.id(), envelope.subject(), envelope.correlationId());
        holdingThroughOutages(Mono.defer(() -> handler.apply(envelope, family.cast(envelope.data())))
                .contextWrite(Correlation.with(envelope.correlationId())), envelope.type() + " " + envelope.id());
    }

    /** An event of a batch, read and checked. */
    public record Received<E extends DomainEvent>(EventEnvelope<DomainEvent> envelope, E event) {
    }

    /**
     * The records of one poll (a binding in batch mode), applied together by {@code together}: in
     * one read and one write of the store rather than one of each per record. The records before a
     * malformed one (or one of another family) are applied, then it is named to the error handler,
     * which commits those before it, dead-letters it, and delivers those after it again. When
     * {@code together} fails for any other reason than the store being away, the same records are
     * applied one at a time by {@code one}, and the first that fails is named to the error handler
     * (retried, then dead-lettered, like a record of a binding that is not in batch mode). Both
     * must be idempotent on the event ID: after a failure some records are applied again.
     */
    public <E extends DomainEvent> void handleBatch(Message<List<byte[]>> batch, Class<E> family,
                                                    Function<List<Received<E>>, Mono<?>> together,
                                                    BiFunction<EventEnvelope<DomainEvent>, E, Mono<?>> one) {
        List<Message<byte[]>> records = records(batch);
        List<Received<E>> received = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (Message<byte[]> record : records) {
            try {
                EventEnvelope<DomainEvent> envelope = read(record, family);
                received.add(new Received<>(envelope, family.cast(envelope.data())));
            } catch (RuntimeException e) {
                unreadable = e;
                break;
            }
        }
        if (!received.isEmpty()) {
            try {
                holdingThroughOutages(Mono.defer(() -> together.apply(received)), received.size() + " " + family.getSimpleName() + " records");
            } catch (RuntimeException failure) {
                if (StoreOutage.isOutage(failure)) {
                    throw new BatchListenerFailedException("the store stayed unreachable", failure, 0);
                }
                log.info("applying {} records together failed ({}); applying them one at a time", received.size(), failure.toString());
                for (int i = 0; i < received.size(); i++) {
                    try {
                        handle(records.get(i), family, one);
                    } catch (RuntimeException e) {
                        throw new BatchListenerFailedException(e.getMessage(), e, i);
                    }
                }
            }
        }
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, received.size());
        }
    }

    /** One record as a batch of one, as a binding in batch mode receives it (for a replay through it). */
    public static Message<List<byte[]>> asBatch(Message<byte[]> record) {
        Map<String, Object> headers = new HashMap<>(record.getHeaders());
        return MessageBuilder.withPayload(List.of(record.getPayload()))
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.of(headers)).build();
    }

    /** The records of a batch, each with its own headers. */
    @SuppressWarnings("unchecked")
    static List<Message<byte[]>> records(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<Map<String, Object>> headers = (List<Map<String, Object>>) batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<Message<byte[]>> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            MessageBuilder<byte[]> record = MessageBuilder.withPayload(payloads.get(i) == null ? new byte[0] : payloads.get(i));
            if (headers != null && i < headers.size()) {
                record.copyHeaders(headers.get(i));
            }
            records.add(record.build());
        }
        return records;
    }

    /**
     * Runs the work within the handler's time limit, and while the store cannot be reached (or the
     * work does not finish in time) tries it again, neither committing nor dead-lettering the
     * record meanwhile, for up to the outage wait.
     */
    private void holdingThroughOutages(Mono<?> work, String what) {
        circuit.refuseWhileOpen(work.timeout(timeout))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        // not applied for want of the store, or not in time: neither committed nor dead-lettered, tried again
                        .filter(failure -> StoreOutage.isOutage(failure) || failure instanceof TimeoutException)
                        .doBeforeRetry(signal -> {
                            if (signal.totalRetries() == 0) {
                                log.warn("store unreachable while applying {}; holding the record until it is back", what);
                            }
                        }))
                .block(timeout.plus(storeOutageWait));
    }

    /** Reads the envelope and checks it belongs on a topic of the family. */
    private static EventEnvelope<DomainEvent> read(Message<byte[]> message, Class<? extends DomainEvent> family) {
        EventEnvelope<DomainEvent> envelope = read(message);
        if (!family.isInstance(envelope.data())) {
            throw new RejectedEventException(envelope.type() + " does not belong on a topic of " + family.getSimpleName());
        }
        return envelope;
    }

    /** Reads the envelope from a bound message, or throws {@link cn.fpr.contracts.MalformedEventException}. */
    public static EventEnvelope<DomainEvent> read(Message<byte[]> message) {
        Map<String, byte[]> headers = new HashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                headers.put(name, bytes);
            } else if (value instanceof String text) {
                headers.put(name, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        return CloudEventHeaders.fromHeaders(headers, message.getPayload());
    }
}
