package cn.fpr.contracts.household;

import cn.fpr.contracts.CaseKind;
import cn.fpr.contracts.CaseOutcome;
import cn.fpr.contracts.CaseStep;

import java.time.LocalDate;

/**
 * A case ended: approved at county level, or rejected at a step with a reason.
 *
 * @param caseId       the case
 * @param householdId  registry household ID
 * @param region       where the household lives
 * @param kind         identification or exit
 * @param outcome      approved or rejected
 * @param decidedAt    the step that decided it
 * @param reason       the reason given
 * @param closedOn     effective date
 */
public record CaseClosed(String caseId, String householdId, Region region, CaseKind kind, CaseOutcome outcome,
                         CaseStep decidedAt, String reason, LocalDate closedOn) implements HouseholdEvent {
}
