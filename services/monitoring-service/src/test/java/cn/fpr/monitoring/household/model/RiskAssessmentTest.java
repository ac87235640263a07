package cn.fpr.monitoring.household.model;

import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.RiskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskAssessmentTest {

    @ParameterizedTest(name = "income {0}, rigid spending {1}, {2} people, line {3} -> {4} per person, at risk {5}")
    @CsvSource({
            // a family of four on 30,000 a year is above a 7,300 line
            "30000, 0,     4, 7300, 7500.00,  false",
            // the same family after 38,000 of medical out-of-pocket costs is far below it
            "30000, 38000, 4, 7300, -2000.00, true",
            // exactly on the line is not below it
            "21900, 0,     3, 7300, 7300.00,  false",
            // one fen below is
            "21899.97, 0,  3, 7300, 7299.99,  true",
    })
    void income_after_rigid_spending_per_person_is_compared_with_the_line(
            BigDecimal income, BigDecimal spending, int size, BigDecimal line, BigDecimal perCapita, boolean atRisk) {
        RiskAssessment.Assessment assessment = RiskAssessment.assess(income, spending, size, line);

        assertThat(assessment.perCapitaNetIncomeYuan()).isEqualByComparingTo(perCapita);
        assertThat(assessment.atRisk()).isEqualTo(atRisk);
    }

    @Test
    void a_household_has_at_least_one_member() {
        assertThatThrownBy(() -> RiskAssessment.assess(BigDecimal.TEN, BigDecimal.ZERO, 0, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "lifted {0}, {1}, rigid spending {2} -> {3}")
    @CsvSource({
            "true,  ILLNESS,             38000, UNSTABLE_LIFTED",
            "true,  UNSTABLE_EMPLOYMENT, 0,     UNSTABLE_LIFTED",
            "false, ILLNESS,             38000, SUDDEN_HARDSHIP",
            "false, NATURAL_DISASTER,    5000,  SUDDEN_HARDSHIP",
            "false, ACCIDENT,            0,     MARGINAL",
            "false, UNSTABLE_EMPLOYMENT, 0,     MARGINAL",
    })
    void the_category_follows_from_history_and_the_kind_of_hardship(
            boolean lifted, RiskType risk, BigDecimal spending, HouseholdCategory expected) {
        assertThat(RiskAssessment.categorise(lifted, risk, spending)).isEqualTo(expected);
    }
}
