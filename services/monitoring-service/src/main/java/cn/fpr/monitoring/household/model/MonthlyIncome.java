package cn.fpr.monitoring.household.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-capita net income month by month, from recorded income and the wages of jobs held. */
public final class MonthlyIncome {

    public static Map<YearMonth, BigDecimal> perCapitaNet(List<IncomeEntry> entries, List<Employment> employments,
                                                          int householdSize, YearMonth from, YearMonth to) {
        Map<YearMonth, BigDecimal> byMonth = new TreeMap<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            YearMonth current = month;
            BigDecimal recorded = entries.stream().filter(entry -> entry.month().equals(current))
                    .map(IncomeEntry::net).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal wages = employments.stream().filter(job -> job.covers(current))
                    .map(Employment::monthlyWageYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
            byMonth.put(month, recorded.add(wages).divide(BigDecimal.valueOf(householdSize), 2, RoundingMode.HALF_EVEN));
        }
        return byMonth;
    }

    private MonthlyIncome() {
    }
}
