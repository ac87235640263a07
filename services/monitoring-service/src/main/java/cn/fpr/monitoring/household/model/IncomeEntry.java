package cn.fpr.monitoring.household.model;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Income of one source in one month; net is the amount less operating costs.
 *
 * @param entryId            the entry, or the event it came from (so it is recorded once)
 * @param month              the period
 * @param source             the kind of income
 * @param amountYuan         gross amount
 * @param operatingCostYuan  costs of earning it (operating income), else zero
 */
public record IncomeEntry(String entryId, YearMonth month, IncomeSource source, BigDecimal amountYuan,
                          BigDecimal operatingCostYuan) {

    public BigDecimal net() {
        return amountYuan.subtract(operatingCostYuan == null ? BigDecimal.ZERO : operatingCostYuan);
    }
}
