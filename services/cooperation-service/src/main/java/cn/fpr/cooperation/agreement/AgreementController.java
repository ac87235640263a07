package cn.fpr.cooperation.agreement;

import cn.fpr.cooperation.agreement.model.Indicator;
import cn.fpr.cooperation.pairing.Pairings;
import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Annual agreements of a pairing: sign, record facts, follow progress, assess. */
@RestController
@RequestMapping("/api/v1/pairings/{pairingId}/agreements")
class AgreementController {

    record TaskBody(@NotBlank String taskId, @NotBlank @Size(max = 500) String description, @NotBlank String owner,
                    @NotNull LocalDate deadline) {
    }

    record SigningBody(@Min(2021) @Max(2100) int year, @NotEmpty Map<Indicator, @NotNull @Positive BigDecimal> targets,
                       List<@Valid TaskBody> tasks) {
    }

    record Count(int count) {
    }

    private final Agreements agreements;
    private final Pairings pairings;

    AgreementController(Agreements agreements, Pairings pairings) {
        this.agreements = agreements;
        this.pairings = pairings;
    }

    /** Signs the year's agreement and publishes agreement-signed. */
    @Allowed(Role.PROVINCE_ADMIN)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AgreementView> sign(@PathVariable String pairingId, @Valid @RequestBody SigningBody body) {
        List<Agreement.Task> tasks = body.tasks() == null ? List.of() : body.tasks().stream()
                .map(t -> new Agreement.Task(t.taskId(), t.description(), t.owner(), t.deadline(), false)).toList();
        return pairings.visible(pairingId).then(agreements.sign(pairingId, body.year(), body.targets(), tasks)).map(AgreementView::of);
    }

    @Allowed({Role.PROVINCE_ADMIN, Role.COUNTY_OFFICIAL, Role.DASHBOARD_VIEWER})
    @GetMapping("/{year}")
    Mono<AgreementView> find(@PathVariable String pairingId, @PathVariable int year) {
        return pairings.visible(pairingId).then(agreements.find(pairingId, year)).map(AgreementView::of);
    }

    /** A fiscal aid transfer to a western county (funds-allocated; industry funds projects from it). */
    @Allowed({Role.PROVINCE_ADMIN, Role.COUNTY_OFFICIAL})
    @PostMapping("/{year}/fund-transfers")
    Mono<AgreementView> transfer(@PathVariable String pairingId, @PathVariable int year, @Valid @RequestBody AgreementEntry.FundTransfer body) {
        return record(pairingId, year, body);
    }

    /** Cadres or professionals sent either way (cadre-dispatched). */
    @Allowed({Role.PROVINCE_ADMIN, Role.COUNTY_OFFICIAL})
    @PostMapping("/{year}/dispatches")
    Mono<AgreementView> dispatch(@PathVariable String pairingId, @PathVariable int year, @Valid @RequestBody AgreementEntry.Dispatch body) {
        return record(pairingId, year, body);
    }

    /** Consumption assistance (consumption-purchase-recorded). */
    @Allowed({Role.PROVINCE_ADMIN, Role.COUNTY_OFFICIAL})
    @PostMapping("/{year}/purchases")
    Mono<AgreementView> purchase(@PathVariable String pairingId, @PathVariable int year, @Valid @RequestBody AgreementEntry.Purchase body) {
        return record(pairingId, year, body);
    }

    /** An eastern employer's offer (labour-offer-posted; the employment service lists it). */
    @Allowed({Role.PROVINCE_ADMIN, Role.COUNTY_OFFICIAL})
    @PostMapping("/{year}/labour-offers")
    Mono<AgreementView> offer(@PathVariable String pairingId, @PathVariable int year, @Valid @RequestBody AgreementEntry.LabourOffer body) {
        return record(pairingId, year, body);
    }

    /** Any other fact toward an indicator (projects, enterprises, investment, parks, workshops, sales, labour to the east). */
    @Allowed({Role.PROVINCE_ADMIN, Role.COUNTY_OFFICIAL})
    @PostMapping("/{year}/facts")
    Mono<AgreementView> fact(@PathVariable String pairingId, @PathVariable int year, @Valid @RequestBody AgreementEntry.OtherFact body) {
        return record(pairingId, year, body);
    }

    private Mono<AgreementView> record(String pairingId, int year, AgreementEntry entry) {
        return pairings.visible(pairingId).then(agreements.record(pairingId, year, entry))
                .map(recorded -> AgreementView.of(recorded.agreement()));
    }

    @Allowed({Role.PROVINCE_ADMIN, Role.COUNTY_OFFICIAL})
    @PostMapping("/{year}/tasks/{taskId}/completion")
    Mono<AgreementView> completeTask(@PathVariable String pairingId, @PathVariable int year, @PathVariable String taskId) {
        return pairings.visible(pairingId).then(agreements.change(pairingId, year, (agreement, envelope) -> {
            agreement.completeTask(taskId);
            return agreement;
        })).map(AgreementView::of);
    }

    /** Progress against every target as of the end of a month. */
    @Allowed({Role.PROVINCE_ADMIN, Role.COUNTY_OFFICIAL, Role.DASHBOARD_VIEWER})
    @GetMapping("/{year}/progress")
    Mono<Agreements.ProgressReport> progress(@PathVariable String pairingId, @PathVariable int year, @RequestParam YearMonth month) {
        return pairings.visible(pairingId).then(agreements.progress(pairingId, year, month));
    }

    /** The yearly grade (好 / 較好 / 一般 / 差), with the year-on-year check. */
    @Allowed({Role.PROVINCE_ADMIN, Role.COUNTY_OFFICIAL, Role.DASHBOARD_VIEWER})
    @GetMapping("/{year}/assessment")
    Mono<Agreements.Assessment> assessment(@PathVariable String pairingId, @PathVariable int year) {
        return pairings.visible(pairingId).then(agreements.assess(pairingId, year));
    }

    /** Checks that funds and cadre dispatch have not fallen below last year, announcing each new decline. */
    @Allowed(Role.OPERATOR)
    @PostMapping("/{year}/decline-check")
    Mono<Count> declineCheck(@PathVariable String pairingId, @PathVariable int year) {
        return pairings.visible(pairingId).then(agreements.announceDeclines(pairingId, year)).map(Count::new);
    }
}
