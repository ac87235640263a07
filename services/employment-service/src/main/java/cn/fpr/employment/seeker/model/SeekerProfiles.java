package cn.fpr.employment.seeker.model;

import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.household.HouseholdFlagged;

import java.util.List;

/** Who of a newly monitored household enters the labour registry: every member able to work, with priority. */
public final class SeekerProfiles {

    public static List<SeekerProfile> from(HouseholdFlagged flagged) {
        return flagged.labourMembers().stream()
                .filter(member -> member.labourCapacity().canWork())
                .map(member -> new SeekerProfile(seekerId(flagged.householdId(), member.memberId()), flagged.householdId(),
                        member.memberId(), flagged.region(), member.birthYear(), member.labourCapacity(),
                        List.copyOf(member.skills()), Priority.MONITORED_HOUSEHOLD,
                        flagged.category() == HouseholdCategory.UNSTABLE_LIFTED))
                .toList();
    }

    public static String seekerId(String householdId, String memberId) {
        return householdId + ":" + memberId;
    }

    private SeekerProfiles() {
    }
}
