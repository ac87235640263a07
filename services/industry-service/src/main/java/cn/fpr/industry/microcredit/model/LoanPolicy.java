package cn.fpr.industry.microcredit.model;

import java.math.BigDecimal;

/**
 * A province's microcredit rules [P], with the national defaults: borrowers 18 to 65, at most
 * 50,000 yuan and 3 years, monitored households included where the province allows, the fiscal
 * subsidy covering the whole LPR-based interest, 30 days' grace before a missed payment is
 * overdue, one extension of up to 12 months.
 *
 * @param minimumAge              youngest borrower
 * @param maximumAge              oldest borrower
 * @param maximumAmountYuan       cap per household, all open loans together
 * @param maximumTermMonths       longest term
 * @param lendsToMonitored        whether monitored households not lifted from poverty may borrow
 * @param subsidyShare            share of the interest the fiscal subsidy pays
 * @param graceDays               days after a due date before the payment is overdue
 * @param maximumExtensionMonths  how long a loan may be extended (0: no extension)
 */
public record LoanPolicy(int minimumAge, int maximumAge, BigDecimal maximumAmountYuan, int maximumTermMonths,
                         boolean lendsToMonitored, BigDecimal subsidyShare, int graceDays, int maximumExtensionMonths) {

    public static LoanPolicy national() {
        return new LoanPolicy(18, 65, new BigDecimal("50000"), 36, false, BigDecimal.ONE, 30, 12);
    }
}
