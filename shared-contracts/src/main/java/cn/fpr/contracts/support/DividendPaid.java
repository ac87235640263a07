package cn.fpr.contracts.support;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A linked household received a dividend from an assistance project (聯農帶農): property income.
 *
 * @param dividendId   the payment
 * @param householdId  registry household ID
 * @param projectId    the project that paid it
 * @param amountYuan   amount paid
 * @param period       the period it pays for, e.g. 2026-H1 (optional)
 * @param paidOn       payment date
 */
public record DividendPaid(String dividendId, String householdId, String projectId, BigDecimal amountYuan, String period,
                           LocalDate paidOn)
        implements HouseholdSupportEvent {
}
