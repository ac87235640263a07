package cn.fpr.monitoring.household;

import cn.fpr.platform.messaging.Correlation;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.outbox.AggregateChanges;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Caller;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Households change through the platform's one mechanism, each change with its {@link Occasion}.
 * A request's caller reaches only the households of its region: any other answers as unknown
 * (404), so nothing of it shows and nothing changes. Events and schedules act as the service
 * itself, bound by no region.
 */
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
        return Caller.currentOrService().flatMap(caller -> changes.change(Household.class, householdId,
                () -> new UnknownHouseholdException(householdId), (household, correlationId) -> {
                    if (!caller.covers(household.region().villageCode())) {
                        throw new UnknownHouseholdException(householdId);
                    }
                    return change.apply(household, Occasion.of(clock, correlationId, events));
                }));
    }

    /** Saves a new household, if it lies in the caller's region (a broken rule naming the region otherwise). */
    public Mono<Household> create(Function<Occasion, Household> create) {
        return Mono.zip(Correlation.id(), Caller.currentOrService()).flatMap(both -> {
            Household household = create.apply(Occasion.of(clock, both.getT1(), events));
            if (!both.getT2().covers(household.region().villageCode())) {
                return Mono.error(new RuleBroken("region", "the village " + household.region().villageCode() + " is outside your region"));
            }
            return changes.create(household);
        });
    }

    public Mono<Household> find(String householdId) {
        return households.findById(householdId).switchIfEmpty(Mono.error(() -> new UnknownHouseholdException(householdId)))
                .flatMap(household -> Caller.seen(household, household.region().villageCode(),
                        () -> new UnknownHouseholdException(householdId)));
    }
}
