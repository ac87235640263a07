package cn.fpr.monitoring.household;

import cn.fpr.monitoring.household.model.Signal;
import cn.fpr.monitoring.household.model.SignalOutcome;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

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
        return rules.rules().flatMap(rules -> store.change(signal.householdId(), (household, occasion) ->
                household.receive(signal, rules.lineFor(household, occasion), rules.policyFor(household), Rules::newCaseId,
                        occasion)));
    }

    /** Signals in bulk (a cadre's day of visits), in order, each with its own outcome. */
    public Flux<SignalOutcome> receiveAll(List<Signal> signals) {
        return Flux.fromIterable(signals).concatMap(this::receive);
    }
}
