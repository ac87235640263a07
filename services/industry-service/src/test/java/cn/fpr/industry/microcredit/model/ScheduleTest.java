package cn.fpr.industry.microcredit.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTest {

    private static final LprRates LPR = new LprRates(new BigDecimal("3.0"), new BigDecimal("3.5"));
    private static final LocalDate ISSUED = LocalDate.of(2026, 1, 10);

    @ParameterizedTest(name = "{0} months -> {1}%")
    @CsvSource({"6, 3.0", "12, 3.0", "13, 3.5", "36, 3.5"})
    void up_to_a_year_is_priced_on_the_one_year_lpr_longer_on_the_five_year(int months, BigDecimal rate) {
        assertThat(LPR.annualRatePercent(months)).isEqualByComparingTo(rate);
    }

    @Test
    void interest_is_due_each_quarter_and_the_principal_at_maturity_with_the_subsidy_paying_its_share() {
        // 30,000 yuan for 12 months at 3.0%: the first quarter is 90 days (10 Jan to 10 Apr): 30000 x 3% x 90/360 = 225.00
        List<Instalment> schedule = Schedule.of(new BigDecimal("30000"), 12, new BigDecimal("3.0"), new BigDecimal("0.8"), ISSUED);

        assertThat(schedule).hasSize(4);
        assertThat(schedule.get(0).dueOn()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(schedule.get(0).interestYuan()).isEqualByComparingTo("225.00");
        assertThat(schedule.get(0).subsidyYuan()).isEqualByComparingTo("180.00");
        assertThat(schedule.get(0).householdDueYuan()).isEqualByComparingTo("45.00");
        assertThat(schedule.get(3).dueOn()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(schedule.get(3).principalYuan()).isEqualByComparingTo("30000");
        assertThat(schedule.stream().map(Instalment::interestYuan).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("a year of interest: 365 days").isEqualByComparingTo("912.50");
    }

    @Test
    void with_the_whole_interest_subsidised_the_household_repays_only_the_principal() {
        List<Instalment> schedule = Schedule.of(new BigDecimal("50000"), 36, new BigDecimal("3.5"), BigDecimal.ONE, ISSUED);

        assertThat(Schedule.outstanding(schedule)).isEqualByComparingTo("50000");
        assertThat(schedule).hasSize(12);
    }

    @Test
    void repayments_settle_instalments_in_order_and_a_missed_one_is_overdue_only_after_the_grace_period() {
        List<Instalment> schedule = Schedule.of(new BigDecimal("30000"), 12, new BigDecimal("3.0"), new BigDecimal("0.8"), ISSUED);
        LocalDate firstDue = schedule.get(0).dueOn();

        assertThat(Schedule.newlyOverdue(schedule, firstDue.plusDays(30), 30)).isEmpty();
        assertThat(Schedule.newlyOverdue(schedule, firstDue.plusDays(31), 30)).map(Instalment::number).contains(1);

        List<Instalment> paid = Schedule.repay(schedule, new BigDecimal("45.00"));
        assertThat(paid.get(0).settled()).isTrue();
        assertThat(Schedule.newlyOverdue(paid, firstDue.plusDays(31), 30)).isEmpty();
        assertThat(Schedule.openPrincipal(paid)).isEqualByComparingTo("30000");
    }

    @Test
    void an_extension_moves_the_principal_to_the_new_maturity_and_adds_its_interest() {
        List<Instalment> schedule = Schedule.of(new BigDecimal("10000"), 12, new BigDecimal("3.0"), BigDecimal.ONE, ISSUED);

        List<Instalment> extended = Schedule.extend(schedule, 6, new BigDecimal("10000"), new BigDecimal("3.0"), BigDecimal.ONE);

        assertThat(extended).hasSize(5);
        assertThat(extended.get(3).principalYuan()).isEqualByComparingTo("0");
        assertThat(extended.get(4).dueOn()).isEqualTo(LocalDate.of(2027, 7, 10));
        assertThat(extended.get(4).principalYuan()).isEqualByComparingTo("10000");
        assertThat(extended.get(4).interestYuan()).isEqualByComparingTo("150.83");
    }
}
