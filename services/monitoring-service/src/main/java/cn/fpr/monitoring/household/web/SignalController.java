package cn.fpr.monitoring.household.web;

import cn.fpr.contracts.Department;
import cn.fpr.contracts.RiskType;
import cn.fpr.monitoring.household.SignalIntake;
import cn.fpr.monitoring.household.UnknownHouseholdException;
import cn.fpr.monitoring.household.model.HousingGrade;
import cn.fpr.monitoring.household.model.Signal;
import cn.fpr.monitoring.household.model.SignalChannel;
import cn.fpr.monitoring.household.model.SignalOutcome;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The three discovery channels over HTTP: department warnings (for systems that do not publish to
 * Kafka; same effect as the signals topic), households' own declarations, and cadres' visits.
 */
@RestController
@RequestMapping("/api/v1")
class SignalController {

    record DepartmentSignalBody(@NotBlank @Size(max = 64) String signalId, @NotBlank @Size(max = 64) String householdId,
                                @NotNull Department department, @NotNull RiskType riskType, @NotNull LocalDate observedOn,
                                @PositiveOrZero BigDecimal annualNetIncomeYuan, @PositiveOrZero BigDecimal rigidSpendingYuan,
                                @Size(max = 2000) String description) {
    }

    /** 農戶自主申報: the household must authorise the check of its data. */
    record DeclarationBody(@NotBlank @Size(max = 64) String declarationId, @NotBlank @Size(max = 64) String householdId,
                           @NotNull RiskType riskType, @NotNull LocalDate declaredOn,
                           @AssertTrue(message = "the household must authorise the check of its data") boolean authorisationSigned,
                           @PositiveOrZero BigDecimal annualNetIncomeYuan, @PositiveOrZero BigDecimal rigidSpendingYuan,
                           @Size(max = 2000) String description) {
    }

    /** 基層幹部排查: what a cadre found at the door. */
    record VisitBody(@NotBlank @Size(max = 64) String visitId, @NotBlank @Size(max = 64) String householdId,
                     @NotBlank @Size(max = 64) String cadreId, @NotNull LocalDate visitedOn, @NotNull RiskType riskType,
                     @PositiveOrZero BigDecimal annualNetIncomeYuan, @PositiveOrZero BigDecimal rigidSpendingYuan,
                     HousingGrade housingGrade, @Valid HouseholdController.WaterBody drinkingWater,
                     @Size(max = 2000) String findings) {

        Signal toSignal() {
            return new Signal(SignalChannel.CADRE_VISIT, cadreId, visitId, householdId, riskType, visitedOn, annualNetIncomeYuan,
                    rigidSpendingYuan, housingGrade, drinkingWater == null ? null : drinkingWater.toWater(), findings);
        }
    }

    record VisitsBody(@NotEmpty @Size(max = 1000) List<@Valid VisitBody> visits) {
    }

    /** The receipt a sender gets: what its signal led to. */
    record Receipt(String reference, String householdId, SignalOutcome outcome, String error) {
    }

    private final SignalIntake intake;

    SignalController(SignalIntake intake) {
        this.intake = intake;
    }

    /** A department's warning; a department's system submits its own department's only (its token names the department). */
    @Allowed(Role.DEPARTMENT)
    @PostMapping("/signals")
    Mono<Receipt> departmentSignal(@Valid @RequestBody DepartmentSignalBody body) {
        return Caller.current().flatMap(caller -> !body.department().name().equals(caller.department())
                ? Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "a system of " + caller.department()
                        + " may submit its own department's warnings only, not " + body.department()))
                : receive(body.signalId(), new Signal(SignalChannel.DEPARTMENT, body.department().name(), body.signalId(),
                        body.householdId(), body.riskType(), body.observedOn(), body.annualNetIncomeYuan(), body.rigidSpendingYuan(),
                        null, null, body.description())));
    }

    @Allowed(Role.VILLAGE_CADRE)
    @PostMapping("/declarations")
    Mono<Receipt> declaration(@Valid @RequestBody DeclarationBody body) {
        return receive(body.declarationId(), new Signal(SignalChannel.SELF_DECLARATION, "household", body.declarationId(),
                body.householdId(), body.riskType(), body.declaredOn(), body.annualNetIncomeYuan(), body.rigidSpendingYuan(),
                null, null, body.description()));
    }

    @Allowed(Role.VILLAGE_CADRE)
    @PostMapping("/visits")
    Mono<Receipt> visit(@Valid @RequestBody VisitBody body) {
        return receive(body.visitId(), body.toSignal());
    }

    /** A batch of visits: each gets its own receipt; one unknown household does not stop the others. */
    @Allowed(Role.VILLAGE_CADRE)
    @PostMapping("/visits/bulk")
    Flux<Receipt> visits(@Valid @RequestBody VisitsBody body) {
        return Flux.fromIterable(body.visits()).concatMap(visit -> intake.receive(visit.toSignal())
                .map(outcome -> new Receipt(visit.visitId(), visit.householdId(), outcome, null))
                .onErrorResume(UnknownHouseholdException.class,
                        e -> Mono.just(new Receipt(visit.visitId(), visit.householdId(), null, e.getMessage())))
                .onErrorResume(RuleBroken.class,
                        e -> Mono.just(new Receipt(visit.visitId(), visit.householdId(), null, e.field() + ": " + e.getMessage()))));
    }

    private Mono<Receipt> receive(String reference, Signal signal) {
        return intake.receive(signal)
                .onErrorMap(UnknownHouseholdException.class, e -> new RuleBroken("householdId", e.getMessage()))
                .map(outcome -> new Receipt(reference, signal.householdId(), outcome, null));
    }
}
