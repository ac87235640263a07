package cn.fpr.monitoring.household.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MonthlyIncomeTest {

    @Test
    void wages_count_for_every_month_a_job_covers_and_recorded_income_counts_net_of_costs() {
        Employment job = Employment.started("pl-1", "m-1", new BigDecimal("3000"), LocalDate.of(2026, 4, 20)).endedOn(LocalDate.of(2026, 6, 3));
        IncomeEntry pigs = new IncomeEntry("e-1", YearMonth.of(2026, 5), IncomeSource.OPERATING, new BigDecimal("2000"),
                new BigDecimal("800"));

        Map<YearMonth, BigDecimal> perCapita = MonthlyIncome.perCapitaNet(List.of(pigs), List.of(job), 3,
                YearMonth.of(2026, 3), YearMonth.of(2026, 7));

        assertThat(perCapita).containsExactly(
                Map.entry(YearMonth.of(2026, 3), new BigDecimal("0.00")),
                Map.entry(YearMonth.of(2026, 4), new BigDecimal("1000.00")),
                Map.entry(YearMonth.of(2026, 5), new BigDecimal("1400.00")),
                Map.entry(YearMonth.of(2026, 6), new BigDecimal("1000.00")),
                Map.entry(YearMonth.of(2026, 7), new BigDecimal("0.00")));
    }
}
