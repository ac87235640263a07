package cn.fpr.monitoring.household.model;

import cn.fpr.contracts.RiskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ExitEligibilityTest {

    private static final BigDecimal LINE = new BigDecimal("7300");
    private static final YearMonth LAST_COMPLETE = YearMonth.of(2026, 9);
    /** 608.34 a person a month is 7,300.08 a year: on the line. */
    private static final BigDecimal ABOVE = new BigDecimal("608.34");
    private static final BigDecimal BELOW = new BigDecimal("608.33");

    @ParameterizedTest(name = "{0} months above the line, {1} needed -> eligible {2}")
    @CsvSource({"5, 6, false", "6, 6, true", "7, 6, true", "11, 12, false", "12, 12, true"})
    void income_must_stay_above_the_line_for_the_required_consecutive_months(int monthsAbove, int required, boolean eligible) {
        ExitEligibility.Decision decision = ExitEligibility.check(facts(true, false, Set.of(RiskType.ILLNESS), incomeAboveFor(monthsAbove)),
                LINE, LAST_COMPLETE, required);

        assertThat(decision.stableMonths()).isEqualTo(monthsAbove);
        assertThat(decision.eligible()).isEqualTo(eligible);
    }

    @Test
    void one_month_below_the_line_starts_the_count_again() {
        Map<YearMonth, BigDecimal> income = incomeAboveFor(12);
        income.put(LAST_COMPLETE.minusMonths(3), BELOW);

        ExitEligibility.Decision decision = ExitEligibility.check(facts(true, false, Set.of(), income), LINE, LAST_COMPLETE, 6);

        assertThat(decision.stableMonths()).isEqualTo(3);
        assertThat(decision.eligible()).isFalse();
        assertThat(decision.reasons()).containsExactly("income above the line for 3 consecutive months, 6 needed");
    }

    @Test
    void a_household_without_labour_backed_by_social_security_never_exits_however_high_its_income() {
        ExitEligibility.Decision decision = ExitEligibility.check(facts(false, true, Set.of(RiskType.ILLNESS), incomeAboveFor(24)),
                LINE, LAST_COMPLETE, 6);

        assertThat(decision.eligible()).isFalse();
        assertThat(decision.reasons()).singleElement().asString().contains("not exited");
    }

    @Test
    void lack_of_labour_is_a_risk_that_cannot_be_removed() {
        assertThat(ExitEligibility.check(facts(true, false, Set.of(RiskType.LACK_OF_LABOUR), incomeAboveFor(24)), LINE,
                LAST_COMPLETE, 6).eligible()).isFalse();
    }

    @Test
    void unresolved_rigid_spending_and_unmet_guarantees_stand_in_the_way() {
        ExitEligibility.Facts facts = new ExitEligibility.Facts(true, false, Set.of(), new BigDecimal("3000"),
                Set.of(Guarantee.SAFE_HOUSING), incomeAboveFor(12));

        ExitEligibility.Decision decision = ExitEligibility.check(facts, LINE, LAST_COMPLETE, 6);

        assertThat(decision.eligible()).isFalse();
        assertThat(decision.reasons()).containsExactly("large rigid spending not resolved", "not secure: [SAFE_HOUSING]");
    }

    private static ExitEligibility.Facts facts(boolean labour, boolean backed, Set<RiskType> risks, Map<YearMonth, BigDecimal> income) {
        return new ExitEligibility.Facts(labour, backed, risks, BigDecimal.ZERO, Set.of(), income);
    }

    /** Two years of income: below the line, then above it for the last {@code months} months. */
    private static Map<YearMonth, BigDecimal> incomeAboveFor(int months) {
        Map<YearMonth, BigDecimal> income = new TreeMap<>();
        for (int back = 0; back < 24; back++) {
            income.put(LAST_COMPLETE.minusMonths(back), back < months ? ABOVE : BELOW);
        }
        return income;
    }
}
