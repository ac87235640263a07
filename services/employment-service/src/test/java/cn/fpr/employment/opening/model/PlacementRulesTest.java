package cn.fpr.employment.opening.model;

import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.employment.seeker.model.Priority;
import cn.fpr.platform.rules.NoPlaceLeft;
import cn.fpr.platform.rules.RuleBroken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlacementRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
    private static final EmploymentPolicy NATIONAL = EmploymentPolicy.national();

    @Test
    void the_last_place_goes_once_and_a_full_opening_is_a_conflict() {
        OpeningTerms twoPlaces = new OpeningTerms(OpeningKind.ENTERPRISE, "520526", 2, List.of(), new BigDecimal("3000"));
        Seeker seeker = seeker(1985, LabourCapacity.FULL, Mobility.LOCAL, "520526");

        PlacementRules.check(seeker, twoPlaces, 1, TODAY, NATIONAL);
        assertThatThrownBy(() -> PlacementRules.check(seeker, twoPlaces, 2, TODAY, NATIONAL))
                .isInstanceOf(NoPlaceLeft.class).hasMessage("all 2 places of the opening are taken");
    }

    @ParameterizedTest(name = "born {0}, {1}, post in {2} (max age {3}) -> refused: {4}")
    @CsvSource(delimiter = '|', value = {
            "1966 | WEAK_OR_HALF | 60 | ''",
            "1965 | WEAK_OR_HALF | 60 | public-welfare posts are for people up to 60, not 61",
            "1961 | WEAK_OR_HALF | 65 | ''",
            "1980 | FULL         | 60 | public-welfare posts are for weak or half labour",
    })
    void public_welfare_posts_are_for_weak_or_half_labour_up_to_the_provinces_age_limit(
            int birthYear, LabourCapacity capacity, int maxAge, String refusal) {
        OpeningTerms post = new OpeningTerms(OpeningKind.PUBLIC_WELFARE_POST, "520526", 10, List.of(), new BigDecimal("800"));
        EmploymentPolicy policy = new EmploymentPolicy(5, maxAge, new BigDecimal("0.20"));

        assertThat(PlacementRules.refusal(seeker(birthYear, capacity, Mobility.LOCAL, "520526"), post, TODAY, policy).orElse(""))
                .isEqualTo(refusal);
    }

    @ParameterizedTest(name = "willing {0}, home {1}, work {2} -> accepted {3}")
    @CsvSource({
            "LOCAL,          520526, 520526, true",
            "LOCAL,          520526, 520102, false",
            "IN_PROVINCE,    520526, 520102, true",
            "IN_PROVINCE,    520526, 440306, false",
            "CROSS_PROVINCE, 520526, 440306, true",
    })
    void nobody_is_sent_further_than_they_are_willing_to_go(Mobility willing, String home, String work, boolean accepted) {
        OpeningTerms job = new OpeningTerms(OpeningKind.ENTERPRISE, work, 10, List.of(), new BigDecimal("5000"));
        Seeker seeker = seeker(1990, LabourCapacity.FULL, willing, home);

        assertThat(PlacementRules.refusal(seeker, job, TODAY, NATIONAL)).as("refusal").matches(r -> r.isEmpty() == accepted);
        if (!accepted) {
            assertThatThrownBy(() -> PlacementRules.check(seeker, job, 0, TODAY, NATIONAL))
                    .isInstanceOf(RuleBroken.class).extracting("field").isEqualTo("seekerId");
        }
    }

    @ParameterizedTest(name = "{0} lifted employees -> assistance workshop {1}")
    @CsvSource({"4, false", "5, true", "12, true"})
    void a_workshop_employs_at_least_five_people_lifted_from_poverty(int lifted, boolean compliant) {
        assertThat(PlacementRules.workshopCompliant(lifted, NATIONAL)).isEqualTo(compliant);
    }

    @ParameterizedTest(name = "{1} of {0} central funds paid as wages -> compliant {2}")
    @CsvSource({"1000000, 199999, false", "1000000, 200000, true", "1000000, 350000, true"})
    void work_for_relief_pays_at_least_a_fifth_of_its_central_funds_as_wages(BigDecimal funds, BigDecimal wages, boolean ok) {
        assertThat(PlacementRules.workForReliefCompliant(funds, wages, NATIONAL)).isEqualTo(ok);
    }

    @Test
    void someone_already_in_work_is_not_placed_again() {
        Seeker employed = new Seeker("s-1", "520526", 1985, LabourCapacity.FULL, List.of(), Mobility.LOCAL,
                Priority.GENERAL, true, true);
        OpeningTerms job = new OpeningTerms(OpeningKind.ENTERPRISE, "520526", 10, List.of(), new BigDecimal("3000"));

        assertThat(PlacementRules.refusal(employed, job, TODAY, NATIONAL)).contains("already in work");
    }

    static Seeker seeker(int birthYear, LabourCapacity capacity, Mobility willing, String homeCounty) {
        return new Seeker("s-" + birthYear + capacity + willing + homeCounty, homeCounty, birthYear, capacity, List.of(), willing,
                Priority.MONITORED_HOUSEHOLD, false, true);
    }
}
