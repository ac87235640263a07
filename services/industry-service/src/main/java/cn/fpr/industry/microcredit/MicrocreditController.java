package cn.fpr.industry.microcredit;

import cn.fpr.industry.microcredit.model.Instalment;
import cn.fpr.industry.microcredit.model.LoanPurpose;
import cn.fpr.industry.microcredit.model.Schedule;
import cn.fpr.platform.audit.AuditTrail;
import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Microloans for county offices and the lending bank's branch. */
@RestController
@RequestMapping("/api/v1/loans")
class MicrocreditController {

    record ApplicationBody(@NotBlank String householdId, @NotBlank String borrowerMemberId, @NotNull @Positive BigDecimal amountYuan,
                           @Positive int termMonths, @NotNull LoanPurpose purpose) {
    }

    /** The officer deciding is the caller (the token's subject), never a field of the body. */
    record DecisionBody(boolean approve, @NotBlank @Size(max = 2000) String reason) {
    }

    record RepaymentBody(@NotNull @Positive BigDecimal amountYuan) {
    }

    record ExtensionBody(@Positive int months) {
    }

    record OverdueScan(long announced) {
    }

    record LoanView(String loanId, String householdId, String borrowerMemberId, BigDecimal amountYuan, int termMonths,
                    LoanPurpose purpose, BigDecimal annualRatePercent, BigDecimal subsidyShare, Loan.Status status,
                    LocalDate issuedOn, int extendedMonths, BigDecimal outstandingYuan, List<Instalment> instalments) {

        static LoanView of(Loan loan) {
            return new LoanView(loan.id(), loan.householdId(), loan.borrowerMemberId(), loan.amountYuan(), loan.termMonths(),
                    loan.purpose(), loan.annualRatePercent(), loan.subsidyShare(), loan.status(), loan.issuedOn(),
                    loan.extendedMonths(), Schedule.outstanding(loan.instalments()), loan.instalments());
        }
    }

    private final Microcredit microcredit;
    private final AuditTrail audit;

    MicrocreditController(Microcredit microcredit, AuditTrail audit) {
        this.microcredit = microcredit;
        this.audit = audit;
    }

    /** Applies; 422 naming the field when a rule is not met (age, amount and cap, term, purpose, household). */
    @Allowed({Role.VILLAGE_CADRE, Role.COUNTY_OFFICIAL})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LoanView> apply(@Valid @RequestBody ApplicationBody body) {
        return microcredit.apply(body.householdId(), body.borrowerMemberId(), body.amountYuan(), body.termMonths(), body.purpose())
                .map(LoanView::of);
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping("/{loanId}")
    Mono<LoanView> find(@PathVariable String loanId) {
        return microcredit.find(loanId).map(LoanView::of);
    }

    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping("/{loanId}/decision")
    Mono<LoanView> decide(@PathVariable String loanId, @Valid @RequestBody DecisionBody body) {
        return Caller.current().zipWith(audit.entry("loan-decision", loanId, null, body.approve() ? "approved" : "rejected"))
                .flatMap(both -> microcredit.decide(loanId, body.approve(), both.getT1().subject(), body.reason(), both.getT2()))
                .map(LoanView::of);
    }

    /** Pays the loan out and publishes loan-issued. */
    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping("/{loanId}/disbursement")
    Mono<LoanView> disburse(@PathVariable String loanId) {
        return microcredit.disburse(loanId).map(LoanView::of);
    }

    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping("/{loanId}/repayments")
    Mono<LoanView> repay(@PathVariable String loanId, @Valid @RequestBody RepaymentBody body) {
        return microcredit.repay(loanId, body.amountYuan()).map(LoanView::of);
    }

    @Allowed(Role.COUNTY_OFFICIAL)
    @PostMapping("/{loanId}/extension")
    Mono<LoanView> extend(@PathVariable String loanId, @Valid @RequestBody ExtensionBody body) {
        return microcredit.extend(loanId, body.months()).map(LoanView::of);
    }

    /** Announces payments past their grace period now, as the daily scan does. */
    @Allowed(Role.OPERATOR)
    @PostMapping("/overdue-scan")
    Mono<OverdueScan> scan() {
        return microcredit.announceOverdue().map(OverdueScan::new);
    }
}
