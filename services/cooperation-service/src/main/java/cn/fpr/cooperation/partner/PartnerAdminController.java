package cn.fpr.cooperation.partner;

import cn.fpr.cooperation.partner.notify.Deliveries;
import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.security.Role;
import cn.fpr.platform.web.NotFoundException;
import cn.fpr.platform.web.ProblemResponses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** Registration of partner systems by the cooperation office (the registered client's secret is shown once). */
@RestController
@RequestMapping("/api/v1/partners")
class PartnerAdminController {

    record RegistrationBody(@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+") String partnerId,
                            @NotBlank @Size(max = 200) String name, @NotNull @Pattern(regexp = "\\d{6}") String regionCode,
                            @Min(1) @Max(10_000) Integer requestsPerSecond) {
    }

    /** The client credentials of a new partner: keep the secret, it is not shown again. */
    record Credentials(String partnerId, String clientId, String clientSecret, String tokenUrl) {
    }

    record PartnerView(String partnerId, String name, String regionCode, int requestsPerSecond, Instant registeredAt,
                       Partner.Subscription subscription, String circuit) {
    }

    private final Partners partners;
    private final Deliveries deliveries;

    PartnerAdminController(Partners partners, Deliveries deliveries) {
        this.partners = partners;
        this.deliveries = deliveries;
    }

    @Allowed({Role.OPERATOR, Role.PROVINCE_ADMIN})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Credentials> register(@Valid @RequestBody RegistrationBody body) {
        return Caller.creatingIn(body.regionCode(), "regionCode")
                .then(partners.register(body.partnerId(), body.name(), body.regionCode(), body.requestsPerSecond()))
                .map(registered -> new Credentials(registered.partner().partnerId(), registered.partner().partnerId(),
                        registered.clientSecret(), "/partner/v1/oauth2/token"));
    }

    @Allowed({Role.OPERATOR, Role.PROVINCE_ADMIN})
    @GetMapping
    Flux<PartnerView> list() {
        return Caller.listed(null, Partner::regionCode, partners::list).map(this::view);
    }

    @Allowed({Role.OPERATOR, Role.PROVINCE_ADMIN})
    @GetMapping("/{partnerId}")
    Mono<PartnerView> find(@PathVariable String partnerId) {
        return partners.find(partnerId)
                .flatMap(partner -> Caller.seen(partner, partner.regionCode(), () -> new NotFoundException("no partner " + partnerId)))
                .map(this::view);
    }

    private PartnerView view(Partner partner) {
        return new PartnerView(partner.partnerId(), partner.name(), partner.regionCode(), partner.requestsPerSecond(),
                partner.registeredAt(), partner.subscription(), deliveries.circuitOf(partner.partnerId()));
    }

    /** A retry that arrives while its message is still being recorded: 409, come back shortly. */
    @RestControllerAdvice(assignableTypes = PartnerApiController.class)
    static class SubmissionConflicts {

        @ExceptionHandler(Submissions.InProgress.class)
        ResponseEntity<ProblemDetail> inProgress(Submissions.InProgress e, ServerWebExchange exchange) {
            return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemResponses.of(HttpStatus.CONFLICT, "in-progress", "In progress", e.getMessage(), exchange));
        }
    }
}
