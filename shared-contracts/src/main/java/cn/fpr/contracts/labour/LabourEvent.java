package cn.fpr.contracts.labour;

import cn.fpr.contracts.DomainEvent;

/** Events on {@link cn.fpr.contracts.Topics#LABOUR}, keyed by household ID. */
public sealed interface LabourEvent extends DomainEvent permits JobPlaced, JobLost, TrainingCompleted,
        ZeroEmploymentHouseholdDetected {

    String householdId();

    @Override
    default String subject() {
        return householdId();
    }
}
