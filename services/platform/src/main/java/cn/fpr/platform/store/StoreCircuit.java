package cn.fpr.platform.store;

import cn.fpr.platform.messaging.StoreOutage;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessResourceFailureException;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * A Resilience4j circuit breaker around the service's store work: the platform's one way of
 * changing aggregates and every inbound event handler go through it. When most recent calls failed
 * because the store could not be reached, it opens: further calls fail at once (HTTP 503 with
 * Retry-After, consumers hold their record and back off) instead of each waiting out the driver's
 * timeouts; readiness reports it DOWN. After {@code waitWhenOpen} it lets a few calls try; when they
 * succeed it closes. Failures of a request or record itself (a rule broken, a conflict) do not count.
 */
public final class StoreCircuit implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StoreCircuit.class);
    private static final Object GUARDED = StoreCircuit.class;

    /** What a request refused for want of the store is told. */
    public static final String UNAVAILABLE = "the service's store cannot be reached just now; nothing was changed; try again shortly";
    public static final String OPEN = "the service's store cannot be reached just now (its circuit breaker is open); nothing was changed; "
            + "try again shortly";

    /** The store is not tried while the circuit is open. */
    public static final class OpenException extends DataAccessResourceFailureException {

        OpenException(CallNotPermittedException cause) {
            super("the store is unreachable (its circuit breaker is open); try again shortly", cause);
        }
    }

    private final CircuitBreaker breaker;

    public StoreCircuit(Duration waitWhenOpen) {
        this.breaker = CircuitBreaker.of("store", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(waitWhenOpen)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(StoreOutage::isOutage)
                .build());
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("store circuit {}", event.getStateTransition()));
    }

    /**
     * The call, through the circuit (once: a call inside a guarded one, such as an aggregate change
     * made by an event handler, is counted with it).
     */
    public <T> Mono<T> guard(Mono<T> call) {
        return Mono.deferContextual(context -> context.hasKey(GUARDED) ? call
                : call.transformDeferred(CircuitBreakerOperator.of(breaker))
                        .onErrorMap(CallNotPermittedException.class, OpenException::new)
                        .contextWrite(inner -> inner.put(GUARDED, Boolean.TRUE)));
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    @Override
    public Health health() {
        CircuitBreaker.State state = breaker.getState();
        Health.Builder health = state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
                ? Health.down() : Health.up();
        return health.withDetail("state", state.name())
                .withDetail("failureRatePercent", breaker.getMetrics().getFailureRate())
                .withDetail("notPermittedCalls", breaker.getMetrics().getNumberOfNotPermittedCalls()).build();
    }
}
