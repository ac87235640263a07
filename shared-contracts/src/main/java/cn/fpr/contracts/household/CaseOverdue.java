package cn.fpr.contracts.household;

import cn.fpr.contracts.CaseKind;
import cn.fpr.contracts.CaseStep;

import java.time.LocalDate;

/**
 * A case passed its deadline with a step still pending: it must surface to the county.
 *
 * @param caseId       the case
 * @param householdId  registry household ID
 * @param region       where the household lives
 * @param kind         identification or exit
 * @param pendingStep  the step not yet done
 * @param openedOn     when the case was opened
 * @param dueOn        the deadline that passed (of the whole case, or of the pending step)
 * @param daysOverdue  days past the deadline when detected
 */
public record CaseOverdue(String caseId, String householdId, Region region, CaseKind kind, CaseStep pendingStep,
                          LocalDate openedOn, LocalDate dueOn, int daysOverdue) implements HouseholdEvent {
}
