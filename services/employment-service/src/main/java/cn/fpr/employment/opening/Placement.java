package cn.fpr.employment.opening;

import java.time.LocalDate;

/**
 * A person placed in an opening.
 *
 * @param placementId       the placement
 * @param seekerId          the job seeker
 * @param householdId       registry household
 * @param memberId          registry member
 * @param liftedFromPoverty counts toward a workshop's quota
 * @param crossRegion       work outside the home province
 * @param startDate         first day of work
 * @param endDate           last day of work, or null while in work
 * @param endReason         why it ended
 */
public record Placement(String placementId, String seekerId, String householdId, String memberId, boolean liftedFromPoverty,
                        boolean crossRegion, LocalDate startDate, LocalDate endDate, String endReason) {

    public boolean active() {
        return endDate == null;
    }
}
