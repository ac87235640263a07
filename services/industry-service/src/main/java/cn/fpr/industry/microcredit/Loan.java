package cn.fpr.industry.microcredit;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.support.HouseholdSupportEvent;
import cn.fpr.contracts.support.LoanIssued;
import cn.fpr.contracts.support.LoanOverdue;
import cn.fpr.industry.microcredit.model.Instalment;
import cn.fpr.industry.microcredit.model.LoanPolicy;
import cn.fpr.industry.microcredit.model.LoanPurpose;
import cn.fpr.industry.microcredit.model.Schedule;
import cn.fpr.platform.outbox.AggregateRoot;
import cn.fpr.platform.rules.RuleBroken;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A microloan from application to settlement; disbursement and overdue payments are published. */
@Document("loans")
public class Loan extends AggregateRoot {

    /** Where a loan stands. */
    public enum Status { APPLIED, APPROVED, REJECTED, DISBURSED, SETTLED }

    @Id
    private String id;
    @Indexed
    private String householdId;
    private String borrowerMemberId;
    private String provinceCode;
    /** Where the borrowing household lives, as precisely as known: who may see the loan. */
    private String regionCode;
    private BigDecimal amountYuan;
    private int termMonths;
    private LoanPurpose purpose;
    private BigDecimal annualRatePercent;
    private BigDecimal subsidyShare;
    private int graceDays;
    private Status status;
    private LocalDate appliedOn;
    private String decidedBy;
    private String decisionReason;
    private LocalDate issuedOn;
    private int extendedMonths;
    private List<Instalment> instalments = new ArrayList<>();

    @PersistenceCreator
    Loan() {
    }

    public Loan(String id, String householdId, String borrowerMemberId, String provinceCode, String regionCode, BigDecimal amountYuan, int termMonths,
                LoanPurpose purpose, BigDecimal annualRatePercent, LoanPolicy policy, LocalDate appliedOn) {
        this.id = id;
        this.householdId = householdId;
        this.borrowerMemberId = borrowerMemberId;
        this.provinceCode = provinceCode;
        this.regionCode = regionCode;
        this.amountYuan = amountYuan;
        this.termMonths = termMonths;
        this.purpose = purpose;
        this.annualRatePercent = annualRatePercent;
        this.subsidyShare = policy.subsidyShare();
        this.graceDays = policy.graceDays();
        this.status = Status.APPLIED;
        this.appliedOn = appliedOn;
    }

    public void decide(boolean approve, String officer, String reason) {
        require(Status.APPLIED, "decided");
        status = approve ? Status.APPROVED : Status.REJECTED;
        decidedBy = officer;
        decisionReason = reason;
    }

    /** Pays the loan out: the schedule starts, and loan-issued goes to monitoring with it. */
    public void disburse(LocalDate today, Function<HouseholdSupportEvent, EventEnvelope<? extends HouseholdSupportEvent>> envelope) {
        require(Status.APPROVED, "disbursed");
        status = Status.DISBURSED;
        issuedOn = today;
        instalments = new ArrayList<>(Schedule.of(amountYuan, termMonths, annualRatePercent, subsidyShare, today));
        raise(envelope.apply(new LoanIssued(id, householdId, amountYuan, termMonths, annualRatePercent, purpose.name(), today)));
    }

    /** The household repays; a loan repaid in full is settled. */
    public void repay(BigDecimal amount) {
        require(Status.DISBURSED, "repaid");
        if (amount.signum() <= 0 || amount.compareTo(Schedule.outstanding(instalments)) > 0) {
            throw new RuleBroken("amountYuan", "repay more than 0 and at most the " + Schedule.outstanding(instalments) + " owed");
        }
        instalments = new ArrayList<>(Schedule.repay(instalments, amount));
        if (Schedule.outstanding(instalments).signum() == 0) {
            status = Status.SETTLED;
        }
    }

    /** Extends the maturity [P]; at most the province's extension in all. */
    public void extend(int months, LoanPolicy policy) {
        require(Status.DISBURSED, "extended");
        if (months < 1 || extendedMonths + months > policy.maximumExtensionMonths()) {
            throw new RuleBroken("months", "a loan may be extended by at most " + policy.maximumExtensionMonths() + " months in all");
        }
        instalments = new ArrayList<>(Schedule.extend(instalments, months, Schedule.openPrincipal(instalments), annualRatePercent,
                subsidyShare));
        extendedMonths += months;
    }

    /** A payment unpaid past its grace period is announced once: a risk signal for monitoring. */
    public boolean announceOverdue(LocalDate today,
                                   Function<HouseholdSupportEvent, EventEnvelope<? extends HouseholdSupportEvent>> envelope) {
        if (status != Status.DISBURSED) {
            return false;
        }
        Optional<Instalment> late = Schedule.newlyOverdue(instalments, today, graceDays);
        late.ifPresent(instalment -> {
            instalments.replaceAll(i -> i.number() == instalment.number()
                    ? new Instalment(i.number(), i.dueOn(), i.principalYuan(), i.interestYuan(), i.subsidyYuan(), i.paidYuan(), true)
                    : i);
            raise(envelope.apply(new LoanOverdue(id, householdId, instalment.outstandingYuan(), instalment.dueOn(),
                    (int) java.time.temporal.ChronoUnit.DAYS.between(instalment.dueOn(), today))));
        });
        return late.isPresent();
    }

    /** Principal still owed (for the household's cap). */
    public BigDecimal openPrincipal() {
        return switch (status) {
            case APPLIED, APPROVED -> amountYuan;
            case DISBURSED -> Schedule.openPrincipal(instalments);
            case REJECTED, SETTLED -> BigDecimal.ZERO;
        };
    }

    private void require(Status expected, String action) {
        if (status != expected) {
            throw new RuleBroken("loanId", "a " + status + " loan cannot be " + action);
        }
    }

    public String id() {
        return id;
    }

    public String householdId() {
        return householdId;
    }

    public String borrowerMemberId() {
        return borrowerMemberId;
    }

    public BigDecimal amountYuan() {
        return amountYuan;
    }

    public int termMonths() {
        return termMonths;
    }

    public LoanPurpose purpose() {
        return purpose;
    }

    public BigDecimal annualRatePercent() {
        return annualRatePercent;
    }

    public BigDecimal subsidyShare() {
        return subsidyShare;
    }

    public Status status() {
        return status;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public int extendedMonths() {
        return extendedMonths;
    }

    public List<Instalment> instalments() {
        return List.copyOf(instalments);
    }

    public String provinceCode() {
        return provinceCode;
    }

    /** Where the borrowing household lives (its province, for a loan recorded before the finer code was kept). */
    public String regionCode() {
        return regionCode != null ? regionCode : provinceCode;
    }
}
