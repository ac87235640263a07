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
 * A Resilience4j circuit breaker around the service's store work. The platform's one way of
 * changing aggregates goes through it and is what it counts: a call that failed because the store
 * could not be reached is a failure, one that reached the store a success; failures of the request
 * itself (a rule broken, a conflict) are not counted at all. When half of the recent calls (at
 * least 3) failed it opens: API requests are refused at once (HTTP 503 with Retry-After, see
 * {@link StoreCircuitFilter}) and event handlers hold their record without trying the store,
 * instead of each waiting out the driver's timeouts; readiness reports it DOWN. After
 * {@code waitWhenOpen} it lets two calls try, and closes when they succeed.
 */
public final class StoreCircuit implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StoreCircuit.class);

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
    private final Duration waitWhenOpen;

    public StoreCircuit(Duration waitWhenOpen) {
        this.waitWhenOpen = waitWhenOpen;
        this.breaker = CircuitBreaker.of("store", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(waitWhenOpen)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(StoreOutage::isOutage)
                .ignoreException(failure -> !StoreOutage.isOutage(failure))
                .build());
        breaker.getEventPublisher().onStateTransition(event -> log.warn("store circuit {}", event.getStateTransition()));
    }

    /** A call that uses the store, through the circuit: counted, and refused at once while the circuit is open. */
    public <T> Mono<T> guard(Mono<T> call) {
        return call.transformDeferred(CircuitBreakerOperator.of(breaker)).onErrorMap(CallNotPermittedException.class, OpenException::new);
    }

    /** Work that may use the store: refused at once while the circuit is open, not counted otherwise. */
    public <T> Mono<T> refuseWhileOpen(Mono<T> work) {
        return Mono.defer(() -> isOpen()
                ? Mono.error(new OpenException(CallNotPermittedException.createCallNotPermittedException(breaker)))
                : work);
    }

    public boolean isOpen() {
        CircuitBreaker.State state = breaker.getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    /** How long a client should wait before trying again: until the circuit lets calls try. */
    public Duration retryAfter() {
        return waitWhenOpen;
    }

    @Override
    public Health health() {
        Health.Builder health = isOpen() ? Health.down() : Health.up();
        return health.withDetail("state", breaker.getState().name())
                .withDetail("failureRatePercent", breaker.getMetrics().getFailureRate())
                .withDetail("notPermittedCalls", breaker.getMetrics().getNumberOfNotPermittedCalls()).build();
    }
}
