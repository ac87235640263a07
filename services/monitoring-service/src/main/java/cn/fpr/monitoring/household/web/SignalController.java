package cn.fpr.monitoring.household.web;

import cn.fpr.contracts.Department;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.monitoring.household.SignalIntake;
import cn.fpr.monitoring.household.UnknownHouseholdException;
import cn.fpr.monitoring.household.model.SignalOutcome;
import cn.fpr.platform.web.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The HTTP door for departmental systems that do not publish to Kafka; same effect as the signals topic. */
@RestController
@RequestMapping("/api/v1/signals")
class SignalController {

    record SignalBody(@NotBlank @Size(max = 64) String signalId, @NotBlank @Size(max = 64) String householdId,
                      @NotNull Department department, @NotNull RiskType riskType, @NotNull LocalDate observedOn,
                      @PositiveOrZero BigDecimal annualNetIncomeYuan, @PositiveOrZero BigDecimal rigidSpendingYuan,
                      @Size(max = 2000) String description) {
    }

    /** The receipt a department gets: what its signal led to. */
    record Receipt(String signalId, String householdId, SignalOutcome outcome) {
    }

    private final SignalIntake intake;

    SignalController(SignalIntake intake) {
        this.intake = intake;
    }

    @PostMapping
    Mono<Receipt> receive(@Valid @RequestBody SignalBody body) {
        DepartmentSignalReceived signal = new DepartmentSignalReceived(body.signalId(), body.householdId(), body.department(),
                body.riskType(), body.observedOn(), body.annualNetIncomeYuan(), body.rigidSpendingYuan(), body.description());
        return intake.receive(signal)
                .onErrorMap(UnknownHouseholdException.class, e -> new RuleViolationException("householdId", e.getMessage()))
                .map(outcome -> new Receipt(body.signalId(), body.householdId(), outcome));
    }
}
