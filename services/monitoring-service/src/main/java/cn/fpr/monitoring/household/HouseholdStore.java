package cn.fpr.monitoring.household;

import cn.fpr.platform.messaging.Correlation;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.outbox.OutboxRelay;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * The one way households change: load, apply, save the state and its events in one write, retry
 * when another writer got there first, and wake the relay.
 */
@Component
public class HouseholdStore {

    private final Households households;
    private final Events events;
    private final OutboxRelay relay;
    private final Clock clock;

    HouseholdStore(Households households, Events events, OutboxRelay relay, Clock clock) {
        this.households = households;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    /** Applies a change to a household and saves it; fails with {@link UnknownHouseholdException} if there is none. */
    public <R> Mono<R> change(String householdId, BiFunction<Household, Occasion, R> change) {
        return Correlation.id().flatMap(correlationId -> Mono.defer(() -> {
                    AtomicReference<R> result = new AtomicReference<>();
                    return households.findById(householdId)
                            .switchIfEmpty(Mono.error(() -> new UnknownHouseholdException(householdId)))
                            .flatMap(household -> {
                                result.set(change.apply(household, Occasion.of(clock, correlationId, events)));
                                return households.save(household);
                            })
                            .map(saved -> result.get());
                })
                .retryWhen(Retry.backoff(8, Duration.ofMillis(20)).filter(OptimisticLockingFailureException.class::isInstance))
                .doOnSuccess(done -> relay.nudge()));
    }

    /** Saves a new household. */
    public Mono<Household> create(java.util.function.Function<Occasion, Household> create) {
        return Correlation.id().flatMap(correlationId -> households.save(create.apply(Occasion.of(clock, correlationId, events))))
                .doOnSuccess(done -> relay.nudge());
    }

    public Mono<Household> find(String householdId) {
        return households.findById(householdId).switchIfEmpty(Mono.error(() -> new UnknownHouseholdException(householdId)));
    }
}
