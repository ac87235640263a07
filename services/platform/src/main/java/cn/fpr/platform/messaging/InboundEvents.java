package cn.fpr.platform.messaging;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.platform.store.StoreCircuit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

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
        EventEnvelope<DomainEvent> envelope = read(message);
        if (!family.isInstance(envelope.data())) {
            throw new RejectedEventException(envelope.type() + " does not belong on a topic of " + family.getSimpleName());
        }
        log.debug("applying {} {} for {} (correlation {})", envelope.type(), envelope.id(), envelope.subject(), envelope.correlationId());
        circuit.refuseWhileOpen(Mono.defer(() -> handler.apply(envelope, family.cast(envelope.data()))).timeout(timeout))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        // not applied for want of the store, or not in time: neither committed nor dead-lettered, tried again
                        .filter(failure -> StoreOutage.isOutage(failure) || failure instanceof TimeoutException)
                        .doBeforeRetry(signal -> {
                            if (signal.totalRetries() == 0) {
                                log.warn("store unreachable while applying {} {}; holding the record until it is back",
                                        envelope.type(), envelope.id());
                            }
                        }))
                .contextWrite(Correlation.with(envelope.correlationId()))
                .block(timeout.plus(storeOutageWait));
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
