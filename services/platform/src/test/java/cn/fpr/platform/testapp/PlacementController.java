package cn.fpr.platform.testapp;

import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.platform.messaging.Correlation;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.outbox.AggregateChanges;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Role;
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

    private final AggregateChanges changes;
    private final Events events;

    PlacementController(AggregateChanges changes, Events events) {
        this.changes = changes;
        this.events = events;
    }

    /** Through the platform's one way of changing aggregates, as the services' writes go. */
    @PostMapping("/households/{householdId}/placements")
    @Allowed(Role.COUNTY_OFFICIAL)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> place(@PathVariable String householdId, @Valid @RequestBody PlacementRequest request) {
        JobPlaced placed = new JobPlaced(request.placementId(), householdId, request.memberId(), OpeningKind.ENTERPRISE, "520526",
                request.monthlyWageYuan(), request.startDate(), false, null);
        return changes.changeIfPresent(Ledger.class, householdId, (ledger, correlationId) -> {
                    ledger.place(events.envelope(placed, correlationId));
                    return Boolean.TRUE;
                })
                .switchIfEmpty(Correlation.id().flatMap(correlationId -> {
                    Ledger ledger = new Ledger(householdId);
                    ledger.place(events.envelope(placed, correlationId));
                    return changes.create(ledger).thenReturn(Boolean.TRUE);
                }))
                .then();
    }
}
