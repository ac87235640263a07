package cn.fpr.monitoring.casework.model;

import cn.fpr.contracts.CaseStep;

import java.time.LocalDate;

/**
 * A step taken: by whom, with what decision and why.
 *
 * @param step            the step
 * @param decision        approve or reject
 * @param role            the role that took it
 * @param actorId         who took it
 * @param reason          the reason given
 * @param decidedOn       effective date
 * @param noticePostedOn  the public notice's first day (village review only)
 */
public record StepRecord(CaseStep step, Decision decision, StepRole role, String actorId, String reason, LocalDate decidedOn,
                         LocalDate noticePostedOn) {
}
