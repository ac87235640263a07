package cn.fpr.contracts.labour;

import java.time.LocalDate;

/**
 * A placed person lost the job: a monitoring signal (因務工就業不穩).
 *
 * @param placementId  the placement that ended
 * @param householdId  registry household ID
 * @param memberId     registry member ID
 * @param lostOn       last day of work
 * @param reason       why, as reported
 */
public record JobLost(String placementId, String householdId, String memberId, LocalDate lostOn, String reason)
        implements LabourEvent {
}
