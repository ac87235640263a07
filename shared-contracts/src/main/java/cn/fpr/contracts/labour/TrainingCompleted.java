package cn.fpr.contracts.labour;

import java.time.LocalDate;

/**
 * A person completed a skills training course.
 *
 * @param trainingId   the enrolment ID
 * @param householdId  registry household ID
 * @param memberId     registry member ID
 * @param course       course name
 * @param certified    whether a vocational certificate was obtained
 * @param completedOn  date of completion
 */
public record TrainingCompleted(
        String trainingId, String householdId, String memberId, String course, boolean certified, LocalDate completedOn)
        implements LabourEvent {
}
