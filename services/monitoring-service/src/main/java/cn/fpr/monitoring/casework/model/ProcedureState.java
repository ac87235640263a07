package cn.fpr.monitoring.casework.model;

import cn.fpr.contracts.CaseKind;
import cn.fpr.contracts.RiskType;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A case's procedure, as an immutable value: the steps taken so far and what was announced.
 *
 * @param caseId             the case
 * @param kind               identification or exit
 * @param riskTypes          the risks that opened it (linked signals add theirs)
 * @param openedOn           effective date of opening
 * @param dueOn              deadline of the whole procedure
 * @param status             open, approved or rejected
 * @param steps              steps taken, in order
 * @param overdueAnnounced   deadlines already announced as overdue (so each is announced once)
 * @param earlyAssistance    help given before identification completed (disaster and accident cases)
 * @param correlationId      the signal or request that started the chain
 */
public record ProcedureState(String caseId, CaseKind kind, Set<RiskType> riskTypes, LocalDate openedOn, LocalDate dueOn,
                             CaseStatus status, List<StepRecord> steps, Set<String> overdueAnnounced,
                             boolean earlyAssistance, String correlationId) {
}
