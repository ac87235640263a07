package cn.fpr.industry.project.model;

import cn.fpr.platform.rules.RuleBroken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectRulesTest {

    private final IndustryShare share = new IndustryShare(Map.of(2021, new BigDecimal("50"), 2022, new BigDecimal("55"),
            2023, new BigDecimal("60")));

    @Test
    void the_village_proposes_the_township_reviews_the_county_approves() {
        ProjectStatus reviewed = ProjectWorkflow.decide(ProjectStatus.PROPOSED, ProjectRole.TOWNSHIP_REVIEWER, true, "fits the plan");
        assertThat(reviewed).isEqualTo(ProjectStatus.TOWNSHIP_REVIEWED);
        assertThat(ProjectWorkflow.decide(reviewed, ProjectRole.COUNTY_OFFICIAL, true, "approved")).isEqualTo(ProjectStatus.APPROVED);
        assertThat(ProjectWorkflow.decide(reviewed, ProjectRole.COUNTY_OFFICIAL, false, "duplicate of proj-3"))
                .isEqualTo(ProjectStatus.REJECTED);
    }

    @Test
    void the_county_cannot_approve_before_the_township_reviewed() {
        assertThatThrownBy(() -> ProjectWorkflow.decide(ProjectStatus.PROPOSED, ProjectRole.COUNTY_OFFICIAL, true, "ok"))
                .isInstanceOf(RuleBroken.class).extracting("field").isEqualTo("role");
        assertThatThrownBy(() -> ProjectWorkflow.decide(ProjectStatus.PROPOSED, ProjectRole.TOWNSHIP_REVIEWER, true, ""))
                .isInstanceOf(RuleBroken.class).extracting("field").isEqualTo("reason");
    }

    @ParameterizedTest(name = "{0}, funded {1}, planned {2}, closing {3} -> rolls over {4}")
    @CsvSource({
            "APPROVED, false, 2026, 2026, true",
            "APPROVED, true,  2026, 2026, false",
            "APPROVED, false, 2027, 2026, false",
            "PROPOSED, false, 2026, 2026, false",
    })
    void an_approved_project_not_funded_in_its_year_rolls_over_to_the_next(ProjectStatus status, boolean funded, int planned,
                                                                           int closing, boolean rolls) {
        assertThat(ProjectWorkflow.rollsOver(status, funded, planned, closing)).isEqualTo(rolls);
    }

    @ParameterizedTest(name = "{0}: {2} of {1} to industry -> {3}% against {4}%, shortfall {5}")
    @CsvSource({
            "2021, 10000000, 5000000, 50.00, 50, false",
            "2022, 10000000, 5000000, 50.00, 55, true",
            "2023, 10000000, 5999999, 60.00, 60, false",
            "2023, 10000000, 5990000, 59.90, 60, true",
            "2026, 8000000,  4000000, 50.00, 60, true",
            "2026, 0,        0,       0.00,  60, false",
    })
    void the_industry_share_is_compared_with_the_years_minimum(int year, BigDecimal central, BigDecimal industry,
                                                               BigDecimal percent, BigDecimal minimum, boolean shortfall) {
        IndustryShare.Share result = share.of("520526", year, central, industry, true);

        assertThat(result.sharePercent()).isEqualByComparingTo(percent);
        assertThat(result.minimumPercent()).isEqualByComparingTo(minimum);
        assertThat(result.shortfall()).isEqualTo(shortfall);
    }
}
