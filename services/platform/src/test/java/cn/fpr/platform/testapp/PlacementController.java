package cn.fpr.platform.testapp;

import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.platform.messaging.Correlation;
import cn.fpr.platform.messaging.Events;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;

@RestController
class PlacementController {

    record PlacementRequest(@NotBlank String placementId, @NotBlank String memberId,
                            @NotNull @Positive BigDecimal monthlyWageYuan, @NotNull LocalDate startDate) {
    }

    private final Ledgers ledgers;
    private final Events events;

    PlacementController(Ledgers ledgers, Events events) {
        this.ledgers = ledgers;
        this.events = events;
    }

    @PostMapping("/households/{householdId}/placements")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> place(@PathVariable String householdId, @Valid @RequestBody PlacementRequest request) {
        return Correlation.id().flatMap(correlationId -> ledgers.findById(householdId)
                .defaultIfEmpty(new Ledger(householdId))
                .flatMap(ledger -> {
                    ledger.place(events.envelope(new JobPlaced(request.placementId(), householdId, request.memberId(),
                            OpeningKind.ENTERPRISE, "520526", request.monthlyWageYuan(), request.startDate(), false, null),
                            correlationId));
                    return ledgers.save(ledger);
                })).then();
    }
}
