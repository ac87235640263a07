package cn.fpr.monitoring.household;

import cn.fpr.platform.messaging.Correlation;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.outbox.AggregateChanges;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Caller;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;

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

    /** A change of a batch: to the household, as part of the work with the correlation ID. */
    public record Change<R>(String householdId, String correlationId, BiFunction<Household, Occasion, R> change) {
    }

    /**
     * Applies changes that events bring (so the service's own, bound by no region) together: one
     * read and one write of the store for each hundred households, in order; see
     * {@link AggregateChanges#changeAll}. Fails when a household is unknown or a change fails, with
     * at most the hundreds before it written: apply them one at a time then.
     */
    public <R> Mono<List<R>> changeAll(List<Change<R>> changes) {
        return this.changes.changeAll(Household.class, changes.stream()
                .map(change -> new AggregateChanges.Change<Household, R>(change.householdId(), change.correlationId(),
                        (household, correlationId) -> change.change().apply(household, Occasion.of(clock, correlationId, events))))
                .toList());
    }

    /**
     * Applies a change to every household the criteria select, read with one query (see
     * {@link AggregateChanges#changeEach}). For work over a whole region, which the caller must
     * cover (a province's line is set by that province's administrator).
     */
    public <R> Flux<R> changeEach(Criteria criteria, BiFunction<Household, Occasion, R> change) {
        return changes.changeEach(Household.class, Query.query(criteria),
                (household, correlationId) -> change.apply(household, Occasion.of(clock, correlationId, events)));
    }

    /**
     * A new household, and whether it was saved: one outside the caller's region is not (the broken
     * rule names the region), nor one the store's unique indexes refused ({@code duplicate}: a
     * member's ID hash another household holds, or the household's ID).
     */
    public record Created(Household household, RuleBroken outsideRegion, boolean duplicate) {

        public boolean saved() {
            return outsideRegion == null && !duplicate;
        }
    }

    /** Saves new households with one bulk insert, those in the caller's region; the outcomes in order. */
    public Mono<List<Created>> createAll(List<Function<Occasion, Household>> creations) {
        return Mono.zip(Correlation.id(), Caller.currentOrService()).flatMap(both -> {
            Occasion occasion = Occasion.of(clock, both.getT1(), events);
            List<Household> households = creations.stream().map(create -> create.apply(occasion)).toList();
            List<Boolean> covered = households.stream().map(household -> both.getT2().covers(household.region().villageCode())).toList();
            List<Household> inRegion = IntStream.range(0, households.size()).filter(covered::get).mapToObj(households::get).toList();
            return changes.createAll(inRegion).map(saved -> {
                List<Created> outcomes = new ArrayList<>(households.size());
                int next = 0;
                for (int i = 0; i < households.size(); i++) {
                    Household household = households.get(i);
                    if (covered.get(i)) {
                        outcomes.add(new Created(household, null, !saved.get(next++)));
                    } else {
                        outcomes.add(new Created(household, new RuleBroken("region",
                                "the village " + household.region().villageCode() + " is outside your region"), false));
                    }
                }
                return outcomes;
            });
        });
    }

    public Mono<Household> find(String householdId) {
        return households.findById(householdId).switchIfEmpty(Mono.error(() -> new UnknownHouseholdException(householdId)))
                .flatMap(household -> Caller.seen(household, household.region().villageCode(),
                        () -> new UnknownHouseholdException(householdId)));
    }
}
