package cn.fpr.monitoring.assistance;

import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.labour.JobLost;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.labour.TrainingCompleted;
import cn.fpr.contracts.labour.ZeroEmploymentHouseholdDetected;
import cn.fpr.contracts.support.DividendPaid;
import cn.fpr.contracts.support.LoanIssued;
import cn.fpr.contracts.support.LoanOverdue;
import cn.fpr.monitoring.household.Household;
import cn.fpr.monitoring.household.HouseholdStore;
import cn.fpr.monitoring.household.Measure;
import cn.fpr.monitoring.household.Occasion;
import cn.fpr.monitoring.household.Rules;
import cn.fpr.monitoring.household.RulesInForce;
import cn.fpr.monitoring.household.model.Employment;
import cn.fpr.monitoring.household.model.IncomeEntry;
import cn.fpr.monitoring.household.model.IncomeSource;
import cn.fpr.monitoring.household.model.Signal;
import cn.fpr.monitoring.household.model.SignalChannel;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * What the assistance services report about a household, recorded on it once per event: jobs and
 * their wages, training, loans, dividends. A lost job, a relocated household with nobody in work
 * and an overdue loan are also risk signals.
 */
@Service
public class AssistanceRecords {

    private final HouseholdStore store;
    private final RulesInForce rules;

    AssistanceRecords(HouseholdStore store, RulesInForce rules) {
        this.store = store;
        this.rules = rules;
    }

    /** Records one event on its household. */
    public Mono<Void> apply(EventEnvelope<DomainEvent> envelope) {
        return rules.rules().flatMap(rules -> Mono.justOrEmpty(changeOf(envelope, rules))
                .flatMap(change -> store.change(change.householdId(), change.change()))).then();
    }

    /**
     * Records the events of a poll together, in order: one read and one write of the store for each
     * hundred of their households (see {@link HouseholdStore#changeAll}). Fails when a household is
     * unknown, with at most the hundreds before it written; the caller then records them one at a
     * time, and those already recorded are not recorded again.
     */
    public Mono<Void> applyTogether(List<EventEnvelope<DomainEvent>> envelopes) {
        return rules.rules().flatMap(rules -> store.changeAll(envelopes.stream()
                .map(envelope -> changeOf(envelope, rules)).filter(Objects::nonNull).toList())).then();
    }

    /** What the event changes on its household, or null for an event monitoring does not record. */
    private static HouseholdStore.Change<Boolean> changeOf(EventEnvelope<DomainEvent> envelope, Rules rules) {
        DomainEvent event = envelope.data();
        String eventId = envelope.id();
        if (event instanceof JobPlaced placed) {
            return on(placed.householdId(), envelope, (household, occasion) -> household.jobStarted(eventId,
                    Employment.started(placed.placementId(), placed.memberId(), placed.monthlyWageYuan(), placed.startDate()),
                    placed.openingKind() + " in " + placed.workRegionCode() + " at " + placed.monthlyWageYuan() + " yuan a month",
                    occasion));
        }
        if (event instanceof JobLost lost) {
            Signal signal = signal(envelope, lost.householdId(), RiskType.UNSTABLE_EMPLOYMENT, lost.lostOn(),
                    "member " + lost.memberId() + " lost the job: " + lost.reason());
            return on(lost.householdId(), envelope, (household, occasion) -> household.jobEnded(eventId, lost.placementId(),
                    lost.lostOn(), signal, rules.lineFor(household, occasion), rules.policyFor(household), Rules::newCaseId, occasion));
        }
        if (event instanceof TrainingCompleted trained) {
            return on(trained.householdId(), envelope, (household, occasion) -> household.helped(eventId,
                    new Measure("TRAINING", trained.trainingId(), trained.completedOn(),
                            "member " + trained.memberId() + " completed " + trained.course() + (trained.certified() ? " (certified)" : "")),
                    occasion));
        }
        if (event instanceof LoanIssued loan) {
            return on(loan.householdId(), envelope, (household, occasion) -> household.helped(eventId,
                    new Measure("MICROCREDIT", loan.loanId(), loan.issuedOn(),
                            loan.amountYuan() + " yuan for " + loan.termMonths() + " months: " + loan.purpose()), occasion));
        }
        if (event instanceof LoanOverdue overdue) {
            Signal signal = signal(envelope, overdue.householdId(), RiskType.INDUSTRY_FAILURE, overdue.dueOn(),
                    "microloan " + overdue.loanId() + " overdue " + overdue.daysOverdue() + " days: " + overdue.overdueAmountYuan() + " yuan");
            return on(overdue.householdId(), envelope, (household, occasion) -> household.warnedBy(eventId, signal,
                    rules.lineFor(household, occasion), rules.policyFor(household), Rules::newCaseId, occasion));
        }
        if (event instanceof ZeroEmploymentHouseholdDetected zero) {
            Signal signal = signal(envelope, zero.householdId(), RiskType.UNSTABLE_EMPLOYMENT, zero.detectedOn(),
                    "nobody of the household's " + zero.labourMembers() + " workers in work at relocation site " + zero.siteId());
            return on(zero.householdId(), envelope, (household, occasion) -> household.warnedBy(eventId, signal,
                    rules.lineFor(household, occasion), rules.policyFor(household), Rules::newCaseId, occasion));
        }
        if (event instanceof DividendPaid dividend) {
            return on(dividend.householdId(), envelope, (household, occasion) -> {
                household.recordIncome(new IncomeEntry(eventId, YearMonth.from(dividend.paidOn()), IncomeSource.PROPERTY,
                        dividend.amountYuan(), BigDecimal.ZERO), occasion);
                household.helped(eventId, new Measure("LINKAGE_DIVIDEND", dividend.dividendId(), dividend.paidOn(),
                        dividend.amountYuan() + " yuan from project " + dividend.projectId()), occasion);
            });
        }
        return null;
    }

    private static Signal signal(EventEnvelope<DomainEvent> envelope, String householdId, RiskType risk,
                                 java.time.LocalDate observedOn, String description) {
        return new Signal(SignalChannel.ASSISTANCE_EVENT, envelope.source(), envelope.id(), householdId, risk, observedOn,
                null, null, null, null, description);
    }

    private static HouseholdStore.Change<Boolean> on(String householdId, EventEnvelope<DomainEvent> envelope,
                                                    BiConsumer<Household, Occasion> change) {
        return new HouseholdStore.Change<>(householdId, envelope.correlationId(), (household, occasion) -> {
            change.accept(household, occasion);
            return Boolean.TRUE;
        });
    }
}
