package cn.fpr.contracts.support;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A microloan (脫貧人口小額信貸) was disbursed.
 *
 * @param loanId             the loan
 * @param householdId        registry household ID
 * @param amountYuan         principal, at most 50,000
 * @param termMonths         at most 36
 * @param annualRatePercent  the LPR-based rate
 * @param purpose            the production purpose
 * @param issuedOn           disbursement date
 */
public record LoanIssued(
        String loanId, String householdId, BigDecimal amountYuan, int termMonths,
        BigDecimal annualRatePercent, String purpose, LocalDate issuedOn) implements HouseholdSupportEvent {
}
