package cn.fpr.monitoring.household;

import cn.fpr.platform.messaging.Correlation;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.outbox.AggregateChanges;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Households change through the platform's one mechanism, each change with its {@link Occasion}. */
@Component
public class HouseholdStore {

    private final AggregateChanges changes;
    private final Households households;
    private final Events events;
    private final Clock clock;

    HouseholdStore(AggregateChanges changes, Households households, Events events, Clock clock) {
        this.changes = changes;
        this.households = households;
        this.events = events;
        this.clock = clock;
    }

    /** Applies a change to a household and saves it; fails with {@link UnknownHouseholdException} if there is none. */
    public <R> Mono<R> change(String householdId, BiFunction<Household, Occasion, R> change) {
        return changes.change(Household.class, householdId, () -> new UnknownHouseholdException(householdId),
                (household, correlationId) -> change.apply(household, Occasion.of(clock, correlationId, events)));
    }

    /** Saves a new household. */
    public Mono<Household> create(Function<Occasion, Household> create) {
        return Correlation.id().flatMap(correlationId -> changes.create(create.apply(Occasion.of(clock, correlationId, events))));
    }

    public Mono<Household> find(String householdId) {
        return households.findById(householdId).switchIfEmpty(Mono.error(() -> new UnknownHouseholdException(householdId)));
    }
}
