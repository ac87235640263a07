package cn.fpr.monitoring.household;

import cn.fpr.monitoring.household.model.Signal;
import cn.fpr.monitoring.household.model.SignalOutcome;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Risk signals from every door (self-declarations, cadre visits, department warnings over HTTP
 * or the signals topic) end here. The same signal twice changes nothing; signals about a
 * household with an open identification case are linked to it.
 */
@Service
public class SignalIntake {

    private final HouseholdStore store;
    private final RulesInForce rules;

    SignalIntake(HouseholdStore store, RulesInForce rules) {
        this.store = store;
        this.rules = rules;
    }

    public Mono<SignalOutcome> receive(Signal signal) {
        return rules.rules().flatMap(rules -> store.change(signal.householdId(), receiving(signal, rules)));
    }

    /** A signal that came as an event, with the correlation ID of the event. */
    public record Received(Signal signal, String correlationId) {
    }

    /**
     * Signals that came as events, applied together: one read and one write of the store for each
     * hundred households, in order. Fails when a household is unknown or a signal is refused, with
     * at most the hundreds before it written; then apply them one at a time ({@link #receive}),
     * which is safe after any failure: the same signal twice changes nothing.
     */
    public Mono<List<SignalOutcome>> receiveTogether(List<Received> received) {
        return rules.rules().flatMap(rules -> store.changeAll(received.stream()
                .map(one -> new HouseholdStore.Change<>(one.signal().householdId(), one.correlationId(), receiving(one.signal(), rules)))
                .toList()));
    }

    /** Signals in bulk (a cadre's day of visits), in order, each with its own outcome. */
    public Flux<SignalOutcome> receiveAll(List<Signal> signals) {
        return Flux.fromIterable(signals).concatMap(this::receive);
    }

    private static BiFunction<Household, Occasion, SignalOutcome> receiving(Signal signal, Rules rules) {
        return (household, occasion) -> household.receive(signal, rules.lineFor(household, occasion), rules.policyFor(household),
                Rules::newCaseId, occasion);
    }
}
