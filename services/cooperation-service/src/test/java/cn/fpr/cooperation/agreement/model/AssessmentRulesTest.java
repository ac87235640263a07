package cn.fpr.cooperation.agreement.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentRulesTest {

    @Test
    void progress_is_measured_against_each_target_and_overall_counts_each_at_most_full() {
        Map<Indicator, Progress.Line> lines = Progress.of(
                Map.of(Indicator.FISCAL_AID_YUAN, new BigDecimal("2000000000"), Indicator.LABOUR_TRANSFERRED, new BigDecimal("60000")),
                Map.of(Indicator.FISCAL_AID_YUAN, new BigDecimal("2400000000"), Indicator.LABOUR_TRANSFERRED, new BigDecimal("45000")));

        assertThat(lines.get(Indicator.FISCAL_AID_YUAN).percent()).isEqualByComparingTo("120.0");
        assertThat(lines.get(Indicator.LABOUR_TRANSFERRED).percent()).isEqualByComparingTo("75.0");
        assertThat(Progress.overall(lines)).as("(100 + 75) / 2").isEqualByComparingTo("87.5");
    }

    @Test
    void funds_and_cadre_dispatch_must_not_fall_from_the_year_before() {
        List<YearOnYear.Decline> declines = YearOnYear.declines(
                Map.of(Indicator.FISCAL_AID_YUAN, new BigDecimal("2100000000"), Indicator.CADRES_EXCHANGED, new BigDecimal("1200")),
                Map.of(Indicator.FISCAL_AID_YUAN, new BigDecimal("2000000000"), Indicator.CADRES_EXCHANGED, new BigDecimal("1200"),
                        Indicator.LABOUR_TRANSFERRED, BigDecimal.ONE));

        assertThat(declines).singleElement().satisfies(decline -> {
            assertThat(decline.indicator()).isEqualTo(Indicator.FISCAL_AID_YUAN);
            assertThat(decline.current()).isEqualByComparingTo("2000000000");
        });
    }

    @ParameterizedTest(name = "{0}% overall, decline {1} -> {2}")
    @CsvSource({"100.0, false, GOOD", "99.9, false, FAIRLY_GOOD", "90.0, false, FAIRLY_GOOD", "89.9, false, AVERAGE",
            "75.0, false, AVERAGE", "74.9, false, POOR", "100.0, true, AVERAGE", "60.0, true, POOR"})
    void the_grade_follows_the_share_of_targets_met_and_a_decline_caps_it(BigDecimal overall, boolean decline, Grade grade) {
        List<YearOnYear.Decline> declines = decline
                ? List.of(new YearOnYear.Decline(Indicator.CADRES_EXCHANGED, BigDecimal.TEN, BigDecimal.ONE)) : List.of();

        assertThat(Grade.assess(overall, declines, Grade.Criteria.standard())).isEqualTo(grade);
    }
}
