package cn.fpr.monitoring.household.model;

import cn.fpr.contracts.AssistanceNeed;
import cn.fpr.contracts.RiskType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AssistancePlanTest {

    @ParameterizedTest(name = "{0}, labour {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "ILLNESS             | true  | MEDICAL_ASSISTANCE SUITABLE_WORK",
            "ILLNESS             | false | MEDICAL_ASSISTANCE SOCIAL_SECURITY_BACKING",
            "DISABILITY          | true  | MEDICAL_ASSISTANCE DISABILITY_SUBSIDY SUITABLE_WORK",
            "SCHOOLING           | true  | EDUCATION_AID",
            "UNSTABLE_EMPLOYMENT | true  | JOB_PLACEMENT PUBLIC_WELFARE_POST EMPLOYMENT_SUBSIDY SKILLS_TRAINING",
            "INDUSTRY_FAILURE    | true  | INDUSTRY_SUPPORT MICROCREDIT TECHNICAL_HELP",
            "NATURAL_DISASTER    | true  | JOB_PLACEMENT INDUSTRY_SUPPORT EMERGENCY_RELIEF HOUSING_REPAIR",
            "NATURAL_DISASTER    | false | EMERGENCY_RELIEF HOUSING_REPAIR SOCIAL_SECURITY_BACKING",
            "ACCIDENT            | true  | JOB_PLACEMENT INDUSTRY_SUPPORT EMERGENCY_RELIEF HOUSING_REPAIR",
            "LACK_OF_LABOUR      | false | SOCIAL_SECURITY_BACKING",
            "OTHER               | true  | ''",
    })
    void each_risk_type_calls_for_its_help_and_no_labour_means_social_security_instead_of_development(
            RiskType risk, boolean hasLabour, String expected) {
        List<AssistanceNeed> needs = expected.isBlank() ? List.of()
                : Arrays.stream(expected.split(" ")).map(AssistanceNeed::valueOf).toList();

        assertThat(AssistancePlan.needsFor(Set.of(risk), hasLabour)).containsExactlyInAnyOrderElementsOf(needs);
    }
}
