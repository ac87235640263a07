package cn.fpr.monitoring.casework.model;

import cn.fpr.contracts.CaseStep;

import java.time.LocalDate;

/**
 * A step someone asks to take.
 *
 * @param step                 the step
 * @param decision             approve or reject
 * @param role                 the role they act in
 * @param actorId              who they are
 * @param reason               why
 * @param authorisationSigned  the household signed its authorisation to check its data (household visit)
 * @param noticePostedOn       when the public notice was posted (village review)
 */
public record StepRequest(CaseStep step, Decision decision, StepRole role, String actorId, String reason,
                          boolean authorisationSigned, LocalDate noticePostedOn) {
}
