package cn.fpr.monitoring.household.model;

import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.RiskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskAssessmentTest {

    private static final LivelihoodStandards NATIONAL = LivelihoodStandards.national();
    private static final BigDecimal LINE = new BigDecimal("7300");
    private static final DrinkingWater GOOD_WATER = new DrinkingWater(new BigDecimal("40"), true, 0, new BigDecimal("98"));
    private static final List<HouseholdConditions.MemberConditions> INSURED_ADULTS = List.of(
            new HouseholdConditions.MemberConditions(SchoolStage.NOT_IN_SCHOOL_AGE, true),
            new HouseholdConditions.MemberConditions(SchoolStage.NOT_IN_SCHOOL_AGE, true),
            new HouseholdConditions.MemberConditions(SchoolStage.COMPULSORY, true));

    @ParameterizedTest(name = "income {0}, rigid spending {1} -> {2} per person, below the line {3}, large spending {4}")
    @CsvSource({
            // a family of three on 30,000 a year is above a 7,300 line
            "30000,    0,     10000.00, false, false",
            // exactly on the line is not below it
            "21900,    0,     7300.00,  false, false",
            // one fen a person below is
            "21899.97, 0,     7299.99,  true,  false",
            // 8,000 of medical costs: 2,666.67 a person, under half the line, yet income falls below it
            "30000,    8000,  7333.33,  false, false",
            "29000,    8000,  7000.00,  true,  false",
            // 11,000 of medical costs: 3,666.67 a person, over half the line: large rigid spending
            "60000,    11000, 16333.33, false, true",
    })
    void income_after_rigid_spending_per_person_is_compared_with_the_line(
            BigDecimal income, BigDecimal spending, BigDecimal perCapita, boolean belowLine, boolean large) {
        RiskAssessment.Assessment assessment = RiskAssessment.assess(household(income, spending, HousingGrade.A, GOOD_WATER,
                INSURED_ADULTS, true), LINE, NATIONAL);

        assertThat(assessment.perCapitaNetIncomeYuan()).isEqualByComparingTo(perCapita);
        assertThat(assessment.belowLine()).isEqualTo(belowLine);
        assertThat(assessment.largeRigidSpending()).isEqualTo(large);
        assertThat(assessment.atRisk()).isEqualTo(belowLine || large);
    }

    @Test
    void unsafe_housing_puts_a_household_above_the_line_at_risk() {
        RiskAssessment.Assessment assessment = RiskAssessment.assess(household(new BigDecimal("60000"), BigDecimal.ZERO,
                HousingGrade.C, GOOD_WATER, INSURED_ADULTS, true), LINE, NATIONAL);

        assertThat(assessment.belowLine()).isFalse();
        assertThat(assessment.unmet()).containsExactly(Guarantee.SAFE_HOUSING);
        assertThat(assessment.atRisk()).isTrue();
    }

    @Test
    void each_guarantee_not_secure_is_named() {
        List<HouseholdConditions.MemberConditions> members = List.of(
                new HouseholdConditions.MemberConditions(SchoolStage.NOT_IN_SCHOOL_AGE, false),
                new HouseholdConditions.MemberConditions(SchoolStage.DROPPED_OUT, true));
        DrinkingWater tooFar = new DrinkingWater(new BigDecimal("25"), true, 35, new BigDecimal("95"));

        assertThat(RiskAssessment.unmet(household(new BigDecimal("60000"), BigDecimal.ZERO, HousingGrade.D, tooFar, members, false),
                NATIONAL)).containsExactlyInAnyOrder(Guarantee.FOOD_AND_CLOTHING, Guarantee.COMPULSORY_EDUCATION,
                Guarantee.BASIC_MEDICAL_CARE, Guarantee.SAFE_HOUSING, Guarantee.SAFE_DRINKING_WATER);
    }

    @ParameterizedTest(name = "{0} L a day, quality ok {1}, {2} minutes, {3}% supply -> secure {4}")
    @CsvSource({
            "20,   true,  20, 90,   true",
            "19.9, true,  0,  100,  false",
            "40,   false, 0,  100,  false",
            "40,   true,  21, 100,  false",
            "40,   true,  0,  89.9, false",
    })
    void drinking_water_is_secure_at_20_litres_20_minutes_and_90_percent(
            BigDecimal litres, boolean quality, int minutes, BigDecimal supply, boolean secure) {
        assertThat(NATIONAL.waterSecure(new DrinkingWater(litres, quality, minutes, supply))).isEqualTo(secure);
    }

    @Test
    void a_household_has_at_least_one_member() {
        HouseholdConditions empty = new HouseholdConditions(0, BigDecimal.TEN, BigDecimal.ZERO, null, null, List.of(), true);
        assertThatThrownBy(() -> RiskAssessment.assess(empty, LINE, NATIONAL)).isInstanceOf(IllegalArgumentException.class);
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
        assertThat(RiskAssessment.categorise(lifted, Set.of(risk), spending)).isEqualTo(expected);
    }

    private static HouseholdConditions household(BigDecimal income, BigDecimal spending, HousingGrade housing, DrinkingWater water,
                                                 List<HouseholdConditions.MemberConditions> members, boolean fed) {
        return new HouseholdConditions(3, income, spending, housing, water, members, fed);
    }
}
