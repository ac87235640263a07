package cn.fpr.contracts.household;

import cn.fpr.contracts.CaseKind;
import cn.fpr.contracts.RiskType;

import java.time.LocalDate;
import java.util.List;

/**
 * A monitoring case was opened for a household: identification after a signal, or exit review.
 *
 * @param caseId       the case
 * @param householdId  registry household ID
 * @param region       where the household lives
 * @param kind         identification or exit
 * @param riskTypes    the risks that led to it (empty for exit)
 * @param openedOn     effective date
 * @param dueOn        the date by which the whole procedure must be done (15 days for identification)
 */
public record CaseOpened(String caseId, String householdId, Region region, CaseKind kind, List<RiskType> riskTypes,
                         LocalDate openedOn, LocalDate dueOn) implements HouseholdEvent {
}
