package cn.fpr.contracts.project;

import cn.fpr.contracts.DomainEvent;

/** Events on {@link cn.fpr.contracts.Topics#PROJECT}, keyed by project ID. */
public sealed interface ProjectEvent extends DomainEvent permits ProjectApproved, FundsAllocatedToProject {

    String projectId();

    @Override
    default String subject() {
        return projectId();
    }
}
