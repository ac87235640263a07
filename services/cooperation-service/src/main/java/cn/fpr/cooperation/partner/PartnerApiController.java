package cn.fpr.cooperation.partner;

import cn.fpr.contracts.EventCatalogue;
import cn.fpr.contracts.EventType;
import cn.fpr.contracts.Topics;
import cn.fpr.cooperation.agreement.AgreementView;
import cn.fpr.cooperation.agreement.Agreements;
import cn.fpr.cooperation.pairing.Pairing;
import cn.fpr.cooperation.partner.PartnerSubmission.Answer;
import cn.fpr.cooperation.partner.notify.Deliveries;
import cn.fpr.cooperation.partner.notify.Delivery;
import cn.fpr.platform.audit.AuditTrail;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API for eastern partners' own systems. Everything is scoped to the calling partner's
 * pairings: another partner's pairing answers 404 exactly like one that does not exist.
 */
@RestController
@RequestMapping("/partner/v1")
class PartnerApiController {

    /** The event types a partner may subscribe to: those about pairings. */
    static final Set<String> SUBSCRIBABLE = EventCatalogue.onTopic(Topics.PAIRING).stream().map(EventType::name)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * A submission of one or more items, idempotent by the partner's message ID. Each item names
     * its {@code type} (fund-transfer, dispatch, purchase, labour-offer, fact), {@code pairingId}
     * and {@code year}, plus the fields of its type.
     */
    record SubmissionBody(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String messageId, Instant messageTs,
                          @NotEmpty @Size(max = 500) List<@NotNull JsonNode> items) {
    }

    record SubscriptionBody(@NotNull URI callbackUrl, Set<@NotBlank String> eventTypes) {
    }

    record SubscriptionView(URI callbackUrl, Set<String> eventTypes, Instant since, String circuit) {
    }

    private final Partners partners;
    private final Agreements agreements;
    private final Submissions submissions;
    private final Deliveries deliveries;
    private final CallbackCheck callbacks;
    private final AuditTrail audit;

    PartnerApiController(Partners partners, Agreements agreements, Submissions submissions, Deliveries deliveries,
                         CallbackCheck callbacks, AuditTrail audit) {
        this.audit = audit;
        this.partners = partners;
        this.agreements = agreements;
        this.submissions = submissions;
        this.deliveries = deliveries;
        this.callbacks = callbacks;
    }

    /** The calling partner's pairings at every level. */
    @GetMapping("/pairings")
    Flux<Pairing> pairings(@AuthenticationPrincipal Jwt token) {
        return partner(token).flatMapMany(partners::pairingsOf);
    }

    @GetMapping("/pairings/{pairingId}")
    Mono<Pairing> pairing(@AuthenticationPrincipal Jwt token, @PathVariable String pairingId) {
        return partner(token).flatMap(partner -> partners.pairingOf(partner, pairingId));
    }

    @GetMapping("/pairings/{pairingId}/agreements/{year}")
    Mono<AgreementView> agreement(@AuthenticationPrincipal Jwt token, @PathVariable String pairingId, @PathVariable int year) {
        return partner(token).flatMap(partner -> partners.pairingOf(partner, pairingId))
                .flatMap(pairing -> agreements.find(pairingId, year)).map(AgreementView::of);
    }

    @GetMapping("/pairings/{pairingId}/agreements/{year}/progress")
    Mono<Agreements.ProgressReport> progress(@AuthenticationPrincipal Jwt token, @PathVariable String pairingId, @PathVariable int year,
                                             @RequestParam YearMonth month) {
        return partner(token).flatMap(partner -> partners.pairingOf(partner, pairingId))
                .flatMap(pairing -> agreements.progress(pairingId, year, month));
    }

    /**
     * Records fund transfers, dispatches, purchases, labour offers and other facts. The answer
     * reports each item on its own; sending the same message ID again returns the first answer
     * (with {@code Idempotent-Replayed: true}) and records nothing twice. Each message goes on the
     * audit trail once, under the partner's message ID, when it has been answered.
     */
    @PostMapping("/submissions")
    Mono<ResponseEntity<Answer>> submit(@AuthenticationPrincipal Jwt token, @Valid @RequestBody SubmissionBody body) {
        return partner(token).flatMap(partner -> submissions.submit(partner, body.messageId(), body.messageTs(), body.items())
                        .flatMap(outcome -> audit.entry("partner-submission:" + partner.partnerId() + ":" + body.messageId(),
                                        "partner-submission", body.messageId(), partner.regionCode(), body.items().size() + " items")
                                .flatMap(audit::record).thenReturn(outcome)))
                .map(outcome -> ResponseEntity.ok().header("Idempotent-Replayed", Boolean.toString(outcome.replayed()))
                        .body(outcome.answer()));
    }

    /** The answer to an earlier submission, for a partner that lost it. */
    @GetMapping("/submissions/{messageId}")
    Mono<Answer> submission(@AuthenticationPrincipal Jwt token, @PathVariable String messageId) {
        return partner(token).flatMap(partner -> submissions.find(partner, messageId));
    }

    /** Subscribes (or changes the subscription) to notifications about the partner's pairings. */
    @PutMapping("/subscription")
    Mono<SubscriptionView> subscribe(@AuthenticationPrincipal Jwt token, @Valid @RequestBody SubscriptionBody body) {
        Set<String> types = body.eventTypes() == null ? Set.of() : body.eventTypes();
        List<String> unknown = types.stream().filter(type -> !SUBSCRIBABLE.contains(type)).sorted().toList();
        if (!unknown.isEmpty()) {
            return Mono.error(new RuleBroken("eventTypes", unknown + " are not among " + SUBSCRIBABLE.stream().sorted().toList()));
        }
        return callbacks.refusal(body.callbackUrl())
                .flatMap(refusal -> Mono.<Partner>error(new RuleBroken("callbackUrl", refusal)))
                .switchIfEmpty(Mono.defer(() -> partners.subscribe(token.getSubject(), body.callbackUrl(), types)))
                .map(this::view);
    }

    @GetMapping("/subscription")
    Mono<SubscriptionView> subscription(@AuthenticationPrincipal Jwt token) {
        return partner(token).filter(partner -> partner.subscription() != null).map(this::view)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no subscription")));
    }

    @DeleteMapping("/subscription")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unsubscribe(@AuthenticationPrincipal Jwt token) {
        return partners.unsubscribe(token.getSubject()).then();
    }

    /** The record of notifications to the partner: each attempt with its time and outcome. */
    @GetMapping("/deliveries")
    Flux<Delivery> deliveries(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) Delivery.State state,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return deliveries.of(token.getSubject(), state, limit);
    }

    private SubscriptionView view(Partner partner) {
        Partner.Subscription subscription = partner.subscription();
        return new SubscriptionView(subscription.callbackUrl(), subscription.eventTypes(), subscription.since(),
                deliveries.circuitOf(partner.partnerId()));
    }

    private Mono<Partner> partner(Jwt token) {
        return partners.find(token.getSubject());
    }
}
