package cn.fpr.monitoring.casework.model;

import cn.fpr.contracts.CaseKind;
import cn.fpr.contracts.CaseStep;
import cn.fpr.contracts.RiskType;
import cn.fpr.platform.rules.RuleBroken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcedureTest {

    private static final StepLimits LIMITS = StepLimits.national();
    private static final LocalDate OPENED = LocalDate.of(2026, 3, 16);

    private ProcedureState opened(RiskType risk) {
        return Procedure.open("case-1", CaseKind.IDENTIFICATION, Set.of(risk), OPENED, LIMITS, "corr-1");
    }

    @Test
    void the_whole_procedure_is_due_fifteen_days_after_opening() {
        assertThat(opened(RiskType.ILLNESS).dueOn()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void identification_runs_visit_cross_check_village_review_township_county_and_then_is_approved() {
        ProcedureState state = approveAll(opened(RiskType.ILLNESS));

        assertThat(state.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(state.steps()).extracting(StepRecord::step).containsExactly(CaseStep.values());
        assertThat(Procedure.pendingStep(state)).isEmpty();
    }

    @Test
    void steps_are_taken_in_order() {
        assertThatThrownBy(() -> Procedure.take(opened(RiskType.ILLNESS), approve(CaseStep.DATA_CROSS_CHECK), OPENED, LIMITS))
                .isInstanceOf(RuleBroken.class).hasMessage("the next step of this case is HOUSEHOLD_VISIT")
                .extracting("field").isEqualTo("step");
    }

    @ParameterizedTest(name = "{0} cannot take {1}")
    @CsvSource({"VILLAGE_CADRE, COUNTY_APPROVAL", "TOWNSHIP_REVIEWER, COUNTY_APPROVAL", "COUNTY_OFFICIAL, HOUSEHOLD_VISIT"})
    void each_step_is_taken_by_its_role(StepRole role, CaseStep step) {
        ProcedureState state = opened(RiskType.ILLNESS);
        while (Procedure.pendingStep(state).orElseThrow() != step) {
            state = Procedure.take(state, approve(Procedure.pendingStep(state).orElseThrow()), OPENED.plusDays(5), LIMITS);
        }
        StepRequest wrongRole = new StepRequest(step, Decision.APPROVE, role, "someone", "ok", true, OPENED);
        ProcedureState reached = state;

        assertThatThrownBy(() -> Procedure.take(reached, wrongRole, OPENED.plusDays(5), LIMITS))
                .isInstanceOf(RuleBroken.class).extracting("field").isEqualTo("role");
    }

    @Test
    void the_household_visit_needs_the_signed_authorisation() {
        StepRequest unsigned = new StepRequest(CaseStep.HOUSEHOLD_VISIT, Decision.APPROVE, StepRole.VILLAGE_CADRE, "cadre-7",
                "visited", false, null);

        assertThatThrownBy(() -> Procedure.take(opened(RiskType.ILLNESS), unsigned, OPENED, LIMITS))
                .isInstanceOf(RuleBroken.class).extracting("field").isEqualTo("authorisationSigned");
    }

    @ParameterizedTest(name = "notice posted on day {0}, review on day {1} -> allowed {2}")
    @CsvSource({"1, 5, false", "1, 6, true", "0, 5, true", "2, 9, true"})
    void the_public_notice_stands_at_least_five_days_before_the_village_review_completes(int postedDay, int reviewDay, boolean allowed) {
        ProcedureState state = Procedure.take(Procedure.take(opened(RiskType.ILLNESS), approve(CaseStep.HOUSEHOLD_VISIT), OPENED, LIMITS),
                approve(CaseStep.DATA_CROSS_CHECK), OPENED, LIMITS);
        StepRequest review = new StepRequest(CaseStep.VILLAGE_REVIEW, Decision.APPROVE, StepRole.VILLAGE_COMMITTEE, "committee",
                "no objection during the notice", false, OPENED.plusDays(postedDay));
        ProcedureState crossChecked = state;

        if (allowed) {
            assertThat(Procedure.take(crossChecked, review, OPENED.plusDays(reviewDay), LIMITS).steps()).hasSize(3);
        } else {
            assertThatThrownBy(() -> Procedure.take(crossChecked, review, OPENED.plusDays(reviewDay), LIMITS))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("at least 5 days");
        }
    }

    @Test
    void rejection_at_any_step_closes_the_case_with_its_reason() {
        ProcedureState visited = Procedure.take(opened(RiskType.ILLNESS), approve(CaseStep.HOUSEHOLD_VISIT), OPENED, LIMITS);
        StepRequest reject = new StepRequest(CaseStep.DATA_CROSS_CHECK, Decision.REJECT, StepRole.COUNTY_DEPARTMENT_OFFICER,
                "officer-2", "owns a car and a shop in the county town", false, null);

        ProcedureState closed = Procedure.take(visited, reject, OPENED.plusDays(2), LIMITS);

        assertThat(closed.status()).isEqualTo(CaseStatus.REJECTED);
        assertThat(closed.steps().get(1).reason()).isEqualTo("owns a car and a shop in the county town");
        assertThatThrownBy(() -> Procedure.take(closed, approve(CaseStep.VILLAGE_REVIEW), OPENED.plusDays(3), LIMITS))
                .isInstanceOf(RuleBroken.class).hasMessage("the case is closed");
    }

    @Test
    void a_decision_without_a_reason_is_refused() {
        StepRequest noReason = new StepRequest(CaseStep.HOUSEHOLD_VISIT, Decision.APPROVE, StepRole.VILLAGE_CADRE, "c", " ", true, null);
        assertThatThrownBy(() -> Procedure.take(opened(RiskType.ILLNESS), noReason, OPENED, LIMITS))
                .isInstanceOf(RuleBroken.class).extracting("field").isEqualTo("reason");
    }

    @ParameterizedTest(name = "day {0}: whole procedure overdue {1}")
    @CsvSource({"15, false", "16, true"})
    void a_case_still_open_after_fifteen_days_is_overdue(int day, boolean overdue) {
        ProcedureState state = opened(RiskType.ILLNESS);
        // keep the step deadlines out of the way: the visit was on time, the cross-check is pending
        state = Procedure.take(state, approve(CaseStep.HOUSEHOLD_VISIT), OPENED.plusDays(1), LIMITS);
        StepLimits generousSteps = new StepLimits(Map.of(CaseStep.HOUSEHOLD_VISIT, 30, CaseStep.DATA_CROSS_CHECK, 30,
                CaseStep.VILLAGE_REVIEW, 30, CaseStep.TOWNSHIP_REVIEW, 30, CaseStep.COUNTY_APPROVAL, 30), 15, 5);

        assertThat(Procedure.newlyOverdue(state, OPENED.plusDays(day), generousSteps))
                .extracting(Procedure.Overdue::key).containsExactlyElementsOf(overdue ? java.util.List.of("CASE") : java.util.List.of());
    }

    @Test
    void a_step_past_its_own_limit_is_overdue_and_announced_once() {
        ProcedureState state = opened(RiskType.ILLNESS);

        var lateVisit = Procedure.newlyOverdue(state, OPENED.plusDays(4), LIMITS);
        assertThat(lateVisit).singleElement().satisfies(late -> {
            assertThat(late.pendingStep()).isEqualTo(CaseStep.HOUSEHOLD_VISIT);
            assertThat(late.dueOn()).isEqualTo(OPENED.plusDays(3));
            assertThat(late.daysOverdue()).isEqualTo(1);
        });

        ProcedureState announced = Procedure.announced(state, lateVisit);
        assertThat(Procedure.newlyOverdue(announced, OPENED.plusDays(5), LIMITS)).isEmpty();
        assertThat(Procedure.nextDeadline(announced, LIMITS)).contains(announced.dueOn());
    }

    @Test
    void help_before_identification_completes_is_for_disaster_and_accident_cases_only() {
        assertThat(Procedure.grantEarlyAssistance(opened(RiskType.NATURAL_DISASTER)).earlyAssistance()).isTrue();
        assertThat(Procedure.grantEarlyAssistance(opened(RiskType.ACCIDENT)).earlyAssistance()).isTrue();
        assertThatThrownBy(() -> Procedure.grantEarlyAssistance(opened(RiskType.SCHOOLING))).isInstanceOf(RuleBroken.class);
    }

    @Test
    void no_province_may_allow_more_than_fifteen_days_or_a_notice_shorter_than_five() {
        Map<CaseStep, Integer> days = StepLimits.national().stepDays();
        assertThatThrownBy(() -> new StepLimits(days, 16, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepLimits(days, 15, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ProcedureState approveAll(ProcedureState state) {
        LocalDate day = OPENED;
        while (Procedure.pendingStep(state).isPresent()) {
            day = day.plusDays(2);
            state = Procedure.take(state, approve(Procedure.pendingStep(state).get()), day, LIMITS);
        }
        return state;
    }

    private static StepRequest approve(CaseStep step) {
        return new StepRequest(step, Decision.APPROVE, StepRole.forStep(step), "actor-" + step, "checked " + step, true,
                step == CaseStep.VILLAGE_REVIEW ? OPENED : null);
    }
}
