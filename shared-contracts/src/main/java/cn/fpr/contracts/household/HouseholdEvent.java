package cn.fpr.contracts.household;

import cn.fpr.contracts.DomainEvent;

/** Events on {@link cn.fpr.contracts.Topics#HOUSEHOLD}, keyed by household ID. */
public sealed interface HouseholdEvent extends DomainEvent permits HouseholdRegistered, HouseholdFlagged, HouseholdRiskEliminated, CaseOpened, CaseOverdue,
        CaseClosed, HouseholdReassessed {

    String householdId();

    @Override
    default String subject() {
        return householdId();
    }
}
