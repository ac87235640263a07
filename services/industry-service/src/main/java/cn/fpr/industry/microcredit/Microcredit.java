package cn.fpr.industry.microcredit;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.household.LabourMember;
import cn.fpr.contracts.support.HouseholdSupportEvent;
import cn.fpr.industry.household.SupportedHouseholds;
import cn.fpr.industry.microcredit.model.Eligibility;
import cn.fpr.industry.microcredit.model.LoanApplication;
import cn.fpr.industry.microcredit.model.LoanPolicy;
import cn.fpr.industry.microcredit.model.LoanPurpose;
import cn.fpr.platform.audit.AuditEntry;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.outbox.AggregateChanges;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.web.NotFoundException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** The microcredit lifecycle: application with the eligibility check, decision, disbursement, repayment, extension, overdue. */
@Service
public class Microcredit {

    private final ReactiveMongoTemplate mongo;
    private final SupportedHouseholds households;
    private final MicrocreditProperties properties;
    private final AggregateChanges changes;
    private final Events events;
    private final Clock clock;

    Microcredit(ReactiveMongoTemplate mongo, SupportedHouseholds households, MicrocreditProperties properties,
                AggregateChanges changes, Events events, Clock clock) {
        this.mongo = mongo;
        this.households = households;
        this.properties = properties;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    /** Checks every rule and records the application, or refuses naming the first field at fault. */
    public Mono<Loan> apply(String householdId, String borrowerMemberId, BigDecimal amount, int termMonths, LoanPurpose purpose) {
        LocalDate today = LocalDate.now(clock);
        return households.find(householdId)
                .onErrorMap(NotFoundException.class, e -> new RuleBroken("householdId", e.getMessage()))
                .flatMap(household -> openPrincipal(householdId).flatMap(owed -> {
                    LabourMember borrower = household.labourMembers().stream()
                            .filter(member -> member.memberId().equals(borrowerMemberId)).findFirst()
                            .orElseThrow(() -> new RuleBroken("borrowerMemberId", "not a working member of the household"));
                    String province = household.region().provinceCode();
                    LoanPolicy policy = properties.policyFor(province);
                    List<Eligibility.Refusal> refusals = Eligibility.check(new LoanApplication(household.liftedFromPoverty(), household.monitored(), province,
                            borrower.birthYear(), amount, termMonths, purpose, owed, today), policy);
                    if (!refusals.isEmpty()) {
                        return Mono.error(new RuleBroken(refusals.get(0).field(), refusals.get(0).reason()));
                    }
                    return changes.create(new Loan("loan-" + UUID.randomUUID(), householdId, borrowerMemberId, province,
                            SupportedHouseholds.regionOf(household), amount,
                            termMonths, purpose, properties.lpr().annualRatePercent(termMonths), policy, today));
                }));
    }

    /** The county's decision, taken by the officer the caller's token names; its audit entry is written with it. */
    public Mono<Loan> decide(String loanId, boolean approve, String officer, String reason, AuditEntry audit) {
        return change(loanId, (loan, envelope) -> {
            loan.decide(approve, officer, reason);
            loan.audit(audit.in(loan.regionCode()));
            return loan;
        });
    }

    public Mono<Loan> disburse(String loanId) {
        return change(loanId, (loan, envelope) -> {
            loan.disburse(LocalDate.now(clock), envelope);
            return loan;
        });
    }

    public Mono<Loan> repay(String loanId, BigDecimal amount) {
        return change(loanId, (loan, envelope) -> {
            loan.repay(amount);
            return loan;
        });
    }

    public Mono<Loan> extend(String loanId, int months) {
        return change(loanId, (loan, envelope) -> {
            loan.extend(months, properties.policyFor(loan.provinceCode()));
            return loan;
        });
    }

    /** A loan to a household of the caller's region; any other answers as one that does not exist. */
    public Mono<Loan> find(String loanId) {
        Supplier<NotFoundException> missing = () -> new NotFoundException("no loan " + loanId);
        return mongo.findById(loanId, Loan.class).switchIfEmpty(Mono.error(missing))
                .flatMap(loan -> Caller.seen(loan, loan.regionCode(), missing));
    }

    /** Announces every payment newly past its grace period. */
    public Mono<Long> announceOverdue() {
        LocalDate today = LocalDate.now(clock);
        Query disbursed = Query.query(Criteria.where("status").is(Loan.Status.DISBURSED));
        disbursed.fields().include("_id");
        return mongo.find(disbursed, Loan.class)
                .concatMap(found -> change(found.id(), (loan, envelope) -> loan.announceOverdue(today, envelope)))
                .filter(Boolean::booleanValue).count();
    }

    private Mono<BigDecimal> openPrincipal(String householdId) {
        return mongo.find(Query.query(Criteria.where("householdId").is(householdId)), Loan.class)
                .map(Loan::openPrincipal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private <R> Mono<R> change(String loanId,
                               BiFunction<Loan, Function<HouseholdSupportEvent, EventEnvelope<? extends HouseholdSupportEvent>>, R> change) {
        return Caller.currentOrService().flatMap(caller -> changes.change(Loan.class, loanId, () -> new NotFoundException("no loan " + loanId),
                (loan, correlationId) -> {
                    if (!caller.covers(loan.regionCode())) {
                        throw new NotFoundException("no loan " + loanId);
                    }
                    return change.apply(loan, event -> events.envelope(event, correlationId));
                }));
    }
}
