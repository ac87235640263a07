package cn.fpr.monitoring.casework.model;

import cn.fpr.contracts.CaseKind;
import cn.fpr.contracts.CaseStep;
import cn.fpr.contracts.RiskType;
import cn.fpr.platform.rules.RuleBroken;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The identification procedure (and the exit review, which takes the same steps) as a state
 * machine: household visit with signed authorisation → departmental data cross-check → village
 * review with public notice → township review → county approval. Each step in order, by its role,
 * with a decision and a reason; rejection at any step closes the case.
 */
public final class Procedure {

    private static final CaseStep[] ORDER = CaseStep.values();
    private static final String CASE_KEY = "CASE";
    private static final String STEP_KEY = "STEP:";
    private static final Set<RiskType> HELP_BEFORE_IDENTIFICATION = EnumSet.of(RiskType.NATURAL_DISASTER, RiskType.ACCIDENT);

    /** A deadline passed with a step pending. */
    public record Overdue(String key, CaseStep pendingStep, LocalDate dueOn, int daysOverdue) {
    }

    public static ProcedureState open(String caseId, CaseKind kind, Set<RiskType> riskTypes, LocalDate today,
                                      StepLimits limits, String correlationId) {
        return new ProcedureState(caseId, kind, Set.copyOf(riskTypes), today, today.plusDays(limits.wholeDays()),
                CaseStatus.OPEN, List.of(), Set.of(), false, correlationId);
    }

    /** The next step to take, or empty when the case is closed. */
    public static Optional<CaseStep> pendingStep(ProcedureState state) {
        if (state.status() != CaseStatus.OPEN) {
            return Optional.empty();
        }
        return Optional.of(ORDER[state.steps().size()]);
    }

    public static ProcedureState take(ProcedureState state, StepRequest request, LocalDate today, StepLimits limits) {
        CaseStep pending = pendingStep(state).orElseThrow(() -> new RuleBroken("caseId", "the case is closed"));
        if (request.step() != pending) {
            throw new RuleBroken("step", "the next step of this case is " + pending);
        }
        if (request.role() != StepRole.forStep(pending)) {
            throw new RuleBroken("role", pending + " is taken by " + StepRole.forStep(pending) + ", not " + request.role());
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw new RuleBroken("reason", "every decision needs a reason");
        }
        if (request.decision() == Decision.APPROVE) {
            checkApproval(state, request, today, limits);
        }
        List<StepRecord> steps = new ArrayList<>(state.steps());
        steps.add(new StepRecord(pending, request.decision(), request.role(), request.actorId(), request.reason(), today,
                request.noticePostedOn()));
        CaseStatus status = request.decision() == Decision.REJECT ? CaseStatus.REJECTED
                : pending == CaseStep.COUNTY_APPROVAL ? CaseStatus.APPROVED : CaseStatus.OPEN;
        return new ProcedureState(state.caseId(), state.kind(), state.riskTypes(), state.openedOn(), state.dueOn(), status,
                List.copyOf(steps), state.overdueAnnounced(), state.earlyAssistance(), state.correlationId());
    }

    private static void checkApproval(ProcedureState state, StepRequest request, LocalDate today, StepLimits limits) {
        if (request.step() == CaseStep.HOUSEHOLD_VISIT && !request.authorisationSigned()) {
            throw new RuleBroken("authorisationSigned", "the household must sign its authorisation to check its data");
        }
        if (request.step() == CaseStep.VILLAGE_REVIEW) {
            if (request.noticePostedOn() == null) {
                throw new RuleBroken("noticePostedOn", "the village review needs a public notice");
            }
            if (request.noticePostedOn().isBefore(state.openedOn()) || request.noticePostedOn().isAfter(today)) {
                throw new RuleBroken("noticePostedOn", "the notice must be posted between the opening and today");
            }
            LocalDate standsUntil = request.noticePostedOn().plusDays(limits.minimumNoticeDays());
            if (today.isBefore(standsUntil)) {
                throw new RuleBroken("noticePostedOn", "the public notice must stand at least " + limits.minimumNoticeDays()
                        + " days, until " + standsUntil);
            }
        }
    }

    /** Adds the risks of a signal linked to this open case. */
    public static ProcedureState link(ProcedureState state, RiskType riskType) {
        Set<RiskType> risks = new HashSet<>(state.riskTypes());
        risks.add(riskType);
        return with(state, Set.copyOf(risks), state.overdueAnnounced(), state.earlyAssistance());
    }

    /** Help before identification completes is for disaster and accident cases only [N]. */
    public static ProcedureState grantEarlyAssistance(ProcedureState state) {
        if (state.status() != CaseStatus.OPEN || state.kind() != CaseKind.IDENTIFICATION) {
            throw new RuleBroken("caseId", "early assistance is for open identification cases");
        }
        if (state.riskTypes().stream().noneMatch(HELP_BEFORE_IDENTIFICATION::contains)) {
            throw new RuleBroken("caseId", "help before identification completes is for disaster and accident cases");
        }
        return with(state, state.riskTypes(), state.overdueAnnounced(), true);
    }

    /** The day the pending step is due: the previous decision (or the opening) plus the step's limit. */
    public static Optional<LocalDate> stepDue(ProcedureState state, StepLimits limits) {
        return pendingStep(state).map(step -> {
            LocalDate from = state.steps().isEmpty() ? state.openedOn() : state.steps().get(state.steps().size() - 1).decidedOn();
            return from.plusDays(limits.stepDays().get(step));
        });
    }

    /** The earliest deadline not yet announced as passed, for finding cases to check; empty when none is left. */
    public static Optional<LocalDate> nextDeadline(ProcedureState state, StepLimits limits) {
        Optional<CaseStep> pending = pendingStep(state);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        LocalDate next = null;
        if (!state.overdueAnnounced().contains(STEP_KEY + pending.get())) {
            next = stepDue(state, limits).orElseThrow();
        }
        if (!state.overdueAnnounced().contains(CASE_KEY) && (next == null || state.dueOn().isBefore(next))) {
            next = state.dueOn();
        }
        return Optional.ofNullable(next);
    }

    /** Deadlines passed and not yet announced: the whole procedure's, and the pending step's. */
    public static List<Overdue> newlyOverdue(ProcedureState state, LocalDate today, StepLimits limits) {
        List<Overdue> overdue = new ArrayList<>();
        Optional<CaseStep> pending = pendingStep(state);
        if (pending.isEmpty()) {
            return overdue;
        }
        if (today.isAfter(state.dueOn()) && !state.overdueAnnounced().contains(CASE_KEY)) {
            overdue.add(new Overdue(CASE_KEY, pending.get(), state.dueOn(), days(state.dueOn(), today)));
        }
        LocalDate stepDue = stepDue(state, limits).orElseThrow();
        String stepKey = STEP_KEY + pending.get();
        if (today.isAfter(stepDue) && !state.overdueAnnounced().contains(stepKey)) {
            overdue.add(new Overdue(stepKey, pending.get(), stepDue, days(stepDue, today)));
        }
        return overdue;
    }

    public static ProcedureState announced(ProcedureState state, List<Overdue> overdue) {
        Set<String> keys = new HashSet<>(state.overdueAnnounced());
        overdue.forEach(o -> keys.add(o.key()));
        return with(state, state.riskTypes(), Set.copyOf(keys), state.earlyAssistance());
    }

    private static ProcedureState with(ProcedureState state, Set<RiskType> risks, Set<String> announced, boolean early) {
        return new ProcedureState(state.caseId(), state.kind(), risks, state.openedOn(), state.dueOn(), state.status(),
                state.steps(), announced, early, state.correlationId());
    }

    private static int days(LocalDate due, LocalDate today) {
        return (int) ChronoUnit.DAYS.between(due, today);
    }

    private Procedure() {
    }
}
