package cn.fpr.industry.microcredit.model;

import java.math.BigDecimal;

/**
 * Loan prime rates (LPR), percent a year. Microloans of up to a year are priced on the 1-year LPR,
 * longer ones on the 5-year LPR [N].
 */
public record LprRates(BigDecimal oneYearPercent, BigDecimal fiveYearPercent) {

    public BigDecimal annualRatePercent(int termMonths) {
        return termMonths <= 12 ? oneYearPercent : fiveYearPercent;
    }
}
