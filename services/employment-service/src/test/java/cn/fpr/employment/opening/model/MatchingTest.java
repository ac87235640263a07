package cn.fpr.employment.opening.model;

import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.employment.seeker.model.Priority;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MatchingTest {

    private static final OpeningTerms WELDING_IN_SHENZHEN = new OpeningTerms(OpeningKind.EAST_WEST_LABOUR_OFFER, "440306", 40,
            List.of("welding", "forklift"), new BigDecimal("5200"));

    @Test
    void seekers_are_ranked_by_skills_then_priority_then_nearness_and_those_who_may_not_go_are_left_out() {
        Seeker welderFromZeroEmploymentHousehold = seeker("a", List.of("Welding", "forklift"), Priority.ZERO_EMPLOYMENT_HOUSEHOLD,
                Mobility.CROSS_PROVINCE);
        Seeker welderMonitored = seeker("b", List.of("welding", "forklift"), Priority.MONITORED_HOUSEHOLD, Mobility.CROSS_PROVINCE);
        Seeker halfSkilled = seeker("c", List.of("welding"), Priority.ZERO_EMPLOYMENT_HOUSEHOLD, Mobility.CROSS_PROVINCE);
        Seeker staysHome = seeker("d", List.of("welding", "forklift"), Priority.ZERO_EMPLOYMENT_HOUSEHOLD, Mobility.IN_PROVINCE);

        List<Matching.Match> ranked = Matching.rank(List.of(halfSkilled, welderMonitored, staysHome, welderFromZeroEmploymentHousehold),
                WELDING_IN_SHENZHEN, LocalDate.of(2026, 3, 16), EmploymentPolicy.national());

        assertThat(ranked).extracting(Matching.Match::seekerId).containsExactly("a", "b", "c");
        assertThat(ranked.get(0).score()).isEqualByComparingTo("86.0");
        assertThat(ranked.get(2).skillShare()).isEqualByComparingTo("0.50");
        assertThat(ranked).allSatisfy(match -> assertThat(match.distance()).isEqualTo(Mobility.CROSS_PROVINCE));
    }

    @Test
    void an_opening_asking_no_skills_fits_everyone_and_local_work_ranks_ahead() {
        OpeningTerms local = new OpeningTerms(OpeningKind.ASSISTANCE_WORKSHOP, "520526", 20, List.of(), new BigDecimal("2600"));
        Seeker near = new Seeker("near", "520526", 1985, LabourCapacity.FULL, List.of(), Mobility.IN_PROVINCE, Priority.GENERAL, false, false);
        Seeker far = new Seeker("far", "520102", 1985, LabourCapacity.FULL, List.of(), Mobility.IN_PROVINCE, Priority.GENERAL, false, false);

        assertThat(Matching.rank(List.of(far, near), local, LocalDate.of(2026, 3, 16), EmploymentPolicy.national()))
                .extracting(Matching.Match::seekerId).containsExactly("near", "far");
    }

    private static Seeker seeker(String id, List<String> skills, Priority priority, Mobility willing) {
        return new Seeker(id, "520526", 1988, LabourCapacity.FULL, skills, willing, priority, false, true);
    }
}
