package cn.fpr.employment.relocation.model;

import java.util.Set;

/**
 * Employment in a relocated household: every relocated household with labour must have at least
 * one person in work (每戶一人以上就業) [N].
 *
 * @param labourMembers    members able to work
 * @param employedMembers  members in work now
 */
public record RelocatedHouseholdState(Set<String> labourMembers, Set<String> employedMembers) {

    /** 零就業家庭: labour, and nobody of it in work. */
    public boolean zeroEmployment() {
        return !labourMembers.isEmpty() && employedMembers.stream().noneMatch(labourMembers::contains);
    }

    /** What a change of employment means: a zero-employment household arose, ended, or nothing changed. */
    public static Transition transition(RelocatedHouseholdState before, RelocatedHouseholdState after) {
        if (!before.zeroEmployment() && after.zeroEmployment()) {
            return Transition.BECAME_ZERO_EMPLOYMENT;
        }
        if (before.zeroEmployment() && !after.zeroEmployment()) {
            return Transition.SOMEONE_IN_WORK_AGAIN;
        }
        return Transition.UNCHANGED;
    }

    public enum Transition {
        BECAME_ZERO_EMPLOYMENT, SOMEONE_IN_WORK_AGAIN, UNCHANGED
    }
}
