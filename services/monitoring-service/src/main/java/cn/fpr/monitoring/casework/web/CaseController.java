package cn.fpr.monitoring.casework.web;

import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.security.Role;
import cn.fpr.contracts.CaseKind;
import cn.fpr.contracts.CaseStep;
import cn.fpr.contracts.household.Region;
import cn.fpr.monitoring.casework.Casework;
import cn.fpr.monitoring.casework.model.Decision;
import cn.fpr.monitoring.casework.model.Procedure;
import cn.fpr.monitoring.casework.model.ProcedureState;
import cn.fpr.monitoring.casework.model.StepRole;
import cn.fpr.monitoring.casework.model.StepRecord;
import cn.fpr.monitoring.casework.model.StepRequest;
import cn.fpr.monitoring.household.Household;
import cn.fpr.platform.web.RegionQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.List;

/** Cases for cadres, reviewers and county officials: take steps, give early help, list what is open or overdue. */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    /**
     * A step taken. Who takes it, and in which role, comes from the caller's token, never from
     * the body.
     */
    record StepBody(@NotNull CaseStep step, @NotNull Decision decision, @NotBlank @Size(max = 2000) String reason,
                    Boolean authorisationSigned, LocalDate noticePostedOn) {
    }

    /**
     * The role a caller's token must carry to take a step: the village's steps (the visit and the
     * democratic review) are the village cadres', the cross-check with departmental data and the
     * approval the county's, the review the township's.
     */
    static Role takenBy(CaseStep step) {
        return switch (StepRole.forStep(step)) {
            case VILLAGE_CADRE, VILLAGE_COMMITTEE -> Role.VILLAGE_CADRE;
            case COUNTY_DEPARTMENT_OFFICER, COUNTY_OFFICIAL -> Role.COUNTY_OFFICIAL;
            case TOWNSHIP_REVIEWER -> Role.TOWNSHIP_REVIEWER;
        };
    }

    record EarlyAssistanceBody(@NotBlank @Size(max = 2000) String detail) {
    }

    record CaseView(String caseId, String householdId, Region region, CaseKind kind, String status, CaseStep pendingStep,
                    LocalDate openedOn, LocalDate dueOn, boolean earlyAssistance, List<StepRecord> steps) {

        static CaseView of(Household household, ProcedureState state) {
            return new CaseView(state.caseId(), household.id(), household.region(), state.kind(), state.status().name(),
                    Procedure.pendingStep(state).orElse(null), state.openedOn(),
                    state.dueOn(), state.earlyAssistance(), state.steps());
        }

        static CaseView open(Household household) {
            return household.cases().stream().filter(state -> state.caseId().equals(household.openCaseId()))
                    .findFirst().map(state -> of(household, state)).orElseThrow();
        }
    }

    private final Casework casework;

    CaseController(Casework casework) {
        this.casework = casework;
    }

    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL})
    @PostMapping("/{caseId}/steps")
    Mono<ProcedureState> step(@PathVariable String caseId, @Valid @RequestBody StepBody body) {
        return Caller.acting(takenBy(body.step()), "the step " + body.step())
                .flatMap(caller -> casework.takeStep(caseId, new StepRequest(body.step(), body.decision(), StepRole.forStep(body.step()),
                        caller.subject(), body.reason(), Boolean.TRUE.equals(body.authorisationSigned()), body.noticePostedOn())));
    }

    /** Help before identification completes, for disaster and accident cases. */
    @Allowed({Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL})
    @PostMapping("/{caseId}/early-assistance")
    Mono<CaseView> earlyAssistance(@PathVariable String caseId, @Valid @RequestBody EarlyAssistanceBody body) {
        return casework.grantEarlyAssistance(caseId, body.detail()).map(CaseView::open);
    }

    /** Open cases of a region, nearest deadline first; {@code overdue=true} for the ones past a deadline. */
    @Allowed({Role.VILLAGE_CADRE, Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN})
    @GetMapping
    Flux<CaseView> open(@RequestParam(required = false) String region,
                        @RequestParam(defaultValue = "false") boolean overdue,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        RegionQuery where = RegionQuery.of(region);
        return casework.openCases(where.field(), where.code(), overdue, page, size).map(CaseView::open);
    }

    /** Announces passed deadlines now, as the scheduled scan does (for operators). */
    @Allowed({Role.OPERATOR})
    @PostMapping("/overdue-scan")
    Mono<OverdueScan> scan() {
        return casework.announceOverdue().map(OverdueScan::new);
    }

    record OverdueScan(int announced) {
    }
}
