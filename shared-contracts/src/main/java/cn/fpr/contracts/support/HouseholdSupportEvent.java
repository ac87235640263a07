package cn.fpr.contracts.support;

import cn.fpr.contracts.DomainEvent;

/** Events on {@link cn.fpr.contracts.Topics#HOUSEHOLD_SUPPORT}, keyed by household ID. */
public sealed interface HouseholdSupportEvent extends DomainEvent permits LoanIssued, LoanOverdue, DividendPaid {

    String householdId();

    @Override
    default String subject() {
        return householdId();
    }
}
