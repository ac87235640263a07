package cn.fpr.industry.microcredit.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment due: interest each quarter, the principal at maturity (按季付息, 到期還本).
 *
 * @param number            1, 2, ...
 * @param dueOn             due date
 * @param principalYuan     principal due
 * @param interestYuan      interest due in all
 * @param subsidyYuan       of which the fiscal subsidy pays
 * @param paidYuan          paid by the household so far
 * @param overdueAnnounced  whether it was announced overdue
 */
public record Instalment(int number, LocalDate dueOn, BigDecimal principalYuan, BigDecimal interestYuan, BigDecimal subsidyYuan,
                         BigDecimal paidYuan, boolean overdueAnnounced) {

    /** What the household itself owes on it: principal and the interest the subsidy does not cover. */
    public BigDecimal householdDueYuan() {
        return principalYuan.add(interestYuan).subtract(subsidyYuan);
    }

    public BigDecimal outstandingYuan() {
        return householdDueYuan().subtract(paidYuan).max(BigDecimal.ZERO);
    }

    public boolean settled() {
        return outstandingYuan().signum() == 0;
    }
}
