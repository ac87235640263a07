package cn.fpr.contracts.support;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A microloan instalment is overdue: a risk signal for monitoring.
 *
 * @param loanId             the loan
 * @param householdId        registry household ID
 * @param overdueAmountYuan  amount past due
 * @param dueOn              the missed due date
 * @param daysOverdue        days past due when detected
 */
public record LoanOverdue(String loanId, String householdId, BigDecimal overdueAmountYuan, LocalDate dueOn, int daysOverdue)
        implements HouseholdSupportEvent {
}
