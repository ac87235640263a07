package cn.fpr.employment.seeker.model;

import cn.fpr.contracts.AssistanceNeed;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.LabourMember;
import cn.fpr.contracts.household.Region;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeekerProfilesTest {

    @Test
    void every_member_able_to_work_of_a_monitored_household_becomes_a_priority_seeker() {
        HouseholdFlagged flagged = new HouseholdFlagged("hh-1", new Region("520000", "520526", "520526100", "520526100201"),
                HouseholdCategory.UNSTABLE_LIFTED, List.of(RiskType.ILLNESS), new BigDecimal("-100"), new BigDecimal("7300"), true,
                List.of(new LabourMember("m-1", 1979, LabourCapacity.FULL, List.of("masonry")),
                        new LabourMember("m-2", 1982, LabourCapacity.WEAK_OR_HALF, List.of()),
                        new LabourMember("m-3", 1950, LabourCapacity.LOST, List.of())),
                List.of(AssistanceNeed.MEDICAL_ASSISTANCE), "case-1", LocalDate.of(2026, 3, 16));

        List<SeekerProfile> seekers = SeekerProfiles.from(flagged);

        assertThat(seekers).extracting(SeekerProfile::seekerId).containsExactly("hh-1:m-1", "hh-1:m-2");
        assertThat(seekers).allSatisfy(seeker -> assertThat(seeker.priority()).isEqualTo(Priority.MONITORED_HOUSEHOLD));
        assertThat(seekers.get(0).skills()).containsExactly("masonry");
    }
}
