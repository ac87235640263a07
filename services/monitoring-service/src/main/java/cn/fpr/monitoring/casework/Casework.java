package cn.fpr.monitoring.casework;

import cn.fpr.monitoring.casework.model.ProcedureState;
import cn.fpr.monitoring.casework.model.StepRequest;
import cn.fpr.monitoring.household.Household;
import cn.fpr.monitoring.household.HouseholdStore;
import cn.fpr.monitoring.household.Rules;
import cn.fpr.monitoring.household.RulesInForce;
import cn.fpr.monitoring.household.UnknownHouseholdException;
import cn.fpr.monitoring.household.model.ExitEligibility;
import cn.fpr.platform.audit.AuditEntry;
import cn.fpr.platform.rules.RuleBroken;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;

/** The identification and exit procedures: steps, early help, exit review, deadlines. */
@Service
public class Casework {

    private final HouseholdStore store;
    private final RulesInForce rules;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    Casework(HouseholdStore store, RulesInForce rules, ReactiveMongoTemplate mongo, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Takes a step; its audit entry is written with it. */
    public Mono<ProcedureState> takeStep(String caseId, StepRequest request, AuditEntry audit) {
        return householdOfCase(caseId).flatMap(householdId -> rules.rules().flatMap(rules ->
                store.change(householdId, (household, occasion) -> {
                    ProcedureState state = household.takeStep(caseId, request, rules.lineFor(household, occasion),
                            rules.policyFor(household), occasion);
                    household.audit(audit.in(household.region().villageCode()));
                    return state;
                }))).onErrorMap(UnknownHouseholdException.class, outside -> noOpenCase(caseId));
    }

    /** Grants help before identification completes; its audit entry is written with it. */
    public Mono<Household> grantEarlyAssistance(String caseId, String detail, AuditEntry audit) {
        return householdOfCase(caseId).flatMap(householdId -> store.change(householdId, (household, occasion) -> {
            household.grantEarlyAssistance(caseId, detail, occasion);
            household.audit(audit.in(household.region().villageCode()));
            return household;
        })).onErrorMap(UnknownHouseholdException.class, outside -> noOpenCase(caseId));
    }

    /** Whether the household could exit now, without changing anything. */
    public Mono<ExitEligibility.Decision> exitEligibility(String householdId) {
        return rules.rules().flatMap(rules -> store.find(householdId).map(household -> household.exitDecision(
                rules.lines().lineFor(household.region().provinceCode(), LocalDate.now(clock).getYear()),
                rules.policyFor(household), LocalDate.now(clock))));
    }

    public Mono<ExitEligibility.Decision> openExitReview(String householdId) {
        return rules.rules().flatMap(rules -> store.change(householdId, (household, occasion) ->
                household.openExitReview(rules.lineFor(household, occasion), rules.policyFor(household), Rules.newCaseId(),
                        occasion)));
    }

    /** Announces every deadline passed since the last scan; returns how many were announced. */
    public Mono<Integer> announceOverdue() {
        LocalDate today = LocalDate.now(clock);
        Query due = Query.query(Criteria.where("openCaseNextDeadline").lt(today));
        due.fields().include("_id");
        return rules.rules().flatMap(rules -> mongo.find(due, Household.class)
                .concatMap(found -> store.change(found.id(), (household, occasion) ->
                        household.announceOverdue(rules.policyFor(household), occasion)))
                .reduce(0, Integer::sum));
    }

    /** Households with an open case in a region, oldest deadline first; only overdue ones if asked. */
    public Flux<Household> openCases(String regionField, String regionCode, boolean overdueOnly, int page, int size) {
        Criteria criteria = Criteria.where("openCaseId").ne(null);
        if (regionCode != null) {
            criteria = criteria.and("region." + regionField).is(regionCode);
        }
        Query query = Query.query(criteria).with(Sort.by("openCaseNextDeadline", "_id"));
        query.fields().exclude("timeline", "outbox", "appliedEventIds", "income");
        LocalDate today = LocalDate.now(clock);
        return mongo.find(query, Household.class)
                .filter(household -> !overdueOnly || household.cases().stream()
                        .anyMatch(state -> state.caseId().equals(household.openCaseId())
                                && (today.isAfter(state.dueOn()) || !state.overdueAnnounced().isEmpty())))
                .skip((long) page * size).take(size);
    }

    private Mono<String> householdOfCase(String caseId) {
        Query query = Query.query(Criteria.where("openCaseId").is(caseId));
        query.fields().include("_id");
        return mongo.findOne(query, Household.class).map(Household::id)
                .switchIfEmpty(Mono.error(() -> noOpenCase(caseId)));
    }

    /** A case that is not open, or whose household lies outside the caller's region: the same answer for both. */
    private static RuleBroken noOpenCase(String caseId) {
        return new RuleBroken("caseId", "no open case " + caseId);
    }
}
