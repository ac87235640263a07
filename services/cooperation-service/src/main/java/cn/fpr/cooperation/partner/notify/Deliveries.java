package cn.fpr.cooperation.partner.notify;

import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.pairing.PairingEvent;
import cn.fpr.cooperation.pairing.Pairings;
import cn.fpr.cooperation.partner.CallbackCheck;
import cn.fpr.cooperation.partner.Partner;
import cn.fpr.cooperation.partner.PartnerApiProperties;
import cn.fpr.cooperation.partner.Partners;
import cn.fpr.cooperation.partner.model.RetrySchedule;
import cn.fpr.platform.web.NotFoundException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Notifications to partners' callbacks. An event about a pairing is queued once for every
 * subscribed partner it concerns (stored, so nothing is lost across restarts); a loop delivers
 * what is due, each partner on its own, in the order queued, behind its own circuit breaker: a
 * partner whose callback hangs or fails has its circuit opened and is left alone for a while,
 * and never holds up the others. Failed attempts are retried on a schedule, then given up; every
 * attempt is kept in the delivery record. Delivery is at least once: partners deduplicate on the
 * CloudEvents {@code id}.
 */
@Service
public class Deliveries implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    public static final MediaType CLOUDEVENTS_JSON = MediaType.parseMediaType("application/cloudevents+json");

    private final ReactiveMongoTemplate mongo;
    private final Partners partners;
    private final Pairings pairings;
    private final CallbackCheck callbacks;
    private final PartnerApiProperties properties;
    private final RetrySchedule retries;
    private final CircuitBreakerRegistry circuits;
    private final WebClient web;
    private final JsonMapper json;
    /**
     * Delivery runs on real time (leases, retry waits, attempt times): it is transport, not policy,
     * and must not speed up with a demonstration clock or stop with a test's fixed one.
     */
    private final Clock wall = Clock.systemUTC();
    private final Set<String> draining = ConcurrentHashMap.newKeySet();
    private volatile Disposable loop;

    Deliveries(ReactiveMongoTemplate mongo, Partners partners, Pairings pairings, PartnerApiProperties properties,
               CallbackCheck callbacks, JsonMapper json) {
        this.mongo = mongo;
        this.partners = partners;
        this.pairings = pairings;
        this.callbacks = callbacks;
        this.properties = properties;
        this.retries = properties.retries().schedule();
        PartnerApiProperties.Circuit circuit = properties.circuit();
        this.circuits = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(circuit.window())
                .minimumNumberOfCalls(circuit.minimumCalls())
                .failureRateThreshold(circuit.failureRatePercent())
                .slowCallRateThreshold(circuit.failureRatePercent())
                .slowCallDurationThreshold(properties.callbackTimeout())
                .waitDurationInOpenState(circuit.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .maxWaitDurationInHalfOpenState(properties.callbackTimeout().multipliedBy(4))
                .build());
        this.web = WebClient.create();
        this.json = json;
    }

    /** Queues the event for every subscribed partner whose pairing it concerns; a redelivered event queues nothing new. */
    public Mono<Long> queue(EventEnvelope<DomainEvent> envelope, PairingEvent event) {
        return pairings.find(event.pairingId())
                .flatMapMany(pairing -> partners.subscribed()
                        .filter(partner -> partner.scope().covers(pairing.east().code()))
                        .filter(partner -> partner.subscription().wants(envelope.type(), envelope.time())))
                .concatMap(partner -> mongo.insert(new Delivery(Delivery.idOf(partner.partnerId(), envelope.id()), partner.partnerId(),
                                envelope.id(), envelope.type(), event.pairingId(), cloudEvent(envelope), Delivery.State.PENDING,
                                wall.instant(), wall.instant(), null, List.of()))
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty()))
                .count()
                .onErrorResume(NotFoundException.class, e -> Mono.just(0L));
    }

    /** The partner's deliveries, newest first. */
    public Flux<Delivery> of(String partnerId, Delivery.State state, int limit) {
        Criteria criteria = Criteria.where("partnerId").is(partnerId);
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), Delivery.class);
    }

    /** The state of the partner's circuit: CLOSED (delivering), OPEN (left alone for now), HALF_OPEN (one trial call). */
    public String circuitOf(String partnerId) {
        return circuits.circuitBreaker(partnerId).getState().name();
    }

    /** Looks for partners with deliveries due and starts delivering to each that is not being delivered to already. */
    Mono<Void> deliverDue() {
        Query due = Query.query(Criteria.where("state").is(Delivery.State.PENDING).and("nextAttemptAt").lte(wall.instant()));
        return mongo.findDistinct(due, "partnerId", Delivery.class, String.class)
                .filter(draining::add)
                .doOnNext(partnerId -> drain(partnerId).doFinally(done -> draining.remove(partnerId))
                        .subscribe(null, e -> log.warn("delivering to partner {} stopped: {}", partnerId, e.toString())))
                .then();
    }

    private Mono<Void> drain(String partnerId) {
        return partners.find(partnerId)
                .filter(partner -> partner.subscription() != null)
                .flatMap(partner -> Mono.defer(() -> deliverNext(partner)).repeat().takeWhile(Boolean::booleanValue).then())
                .onErrorResume(NotFoundException.class, e -> Mono.empty());
    }

    /**
     * Delivers the partner's oldest pending notification if it is due; false when there is none,
     * when it is waiting for its retry (later ones wait behind it: notifications arrive in order),
     * when another instance is delivering it, or when the partner's circuit is open.
     */
    private Mono<Boolean> deliverNext(Partner partner) {
        Instant now = wall.instant();
        Query oldest = Query.query(Criteria.where("partnerId").is(partner.partnerId()).and("state").is(Delivery.State.PENDING))
                .with(Sort.by("createdAt", "eventId")).limit(1);
        return mongo.findOne(oldest, Delivery.class).flatMap(head -> {
            if (head.nextAttemptAt().isAfter(now) || (head.claimedUntil() != null && head.claimedUntil().isAfter(now))) {
                return Mono.just(false);
            }
            CircuitBreaker circuit = circuits.circuitBreaker(partner.partnerId());
            if (!circuit.tryAcquirePermission()) {
                return Mono.just(false);
            }
            AtomicBoolean settled = new AtomicBoolean();
            Runnable release = () -> {
                if (settled.compareAndSet(false, true)) {
                    circuit.releasePermission();
                }
            };
            Query claimable = Query.query(Criteria.where("_id").is(head.id()).and("state").is(Delivery.State.PENDING)
                    .orOperator(Criteria.where("claimedUntil").is(null), Criteria.where("claimedUntil").lte(now)));
            Update claim = new Update().set("claimedUntil", now.plus(properties.callbackTimeout().multipliedBy(2)).plusSeconds(30));
            return mongo.findAndModify(claimable, claim, FindAndModifyOptions.options().returnNew(true), Delivery.class)
                    .flatMap(delivery -> post(partner, delivery, circuit, settled).thenReturn(true))
                    .switchIfEmpty(Mono.fromCallable(() -> {
                        release.run();
                        return false;
                    }))
                    .doOnError(e -> release.run())
                    .doOnCancel(release);
        }).defaultIfEmpty(false);
    }

    /** How a call to a callback ended. */
    private record Outcome(Integer httpStatus, Throwable failure, long nanos) {
    }

    /** A callback address that no longer passes the check (its name now resolves into this network). */
    private static final class RefusedAddress extends RuntimeException {
        RefusedAddress(String reason) {
            super(reason, null, false, false);
        }
    }

    private Mono<Delivery> post(Partner partner, Delivery delivery, CircuitBreaker circuit, AtomicBoolean settled) {
        long started = System.nanoTime();
        URI callback = partner.subscription().callbackUrl();
        return callbacks.refusal(callback)
                .flatMap(refusal -> Mono.<ResponseEntity<Void>>error(new RefusedAddress(refusal)))
                .switchIfEmpty(Mono.defer(() -> web.post().uri(callback)
                        .contentType(CLOUDEVENTS_JSON)
                        .bodyValue(delivery.payload())
                        .retrieve()
                        .toBodilessEntity()
                        .timeout(properties.callbackTimeout())))
                .map(response -> new Outcome(response.getStatusCode().value(), null, System.nanoTime() - started))
                .onErrorResume(e -> Mono.just(new Outcome(e instanceof WebClientResponseException response
                        ? response.getStatusCode().value() : null, e, System.nanoTime() - started)))
                .flatMap(outcome -> {
                    Instant now = wall.instant();
                    long millis = TimeUnit.NANOSECONDS.toMillis(outcome.nanos());
                    if (outcome.failure() == null) {
                        if (settled.compareAndSet(false, true)) {
                            circuit.onSuccess(outcome.nanos(), TimeUnit.NANOSECONDS);
                        }
                        return record(delivery, new Delivery.Attempt(now, "delivered", outcome.httpStatus(), millis),
                                Delivery.State.DELIVERED, null);
                    }
                    if (settled.compareAndSet(false, true)) {
                        circuit.onError(outcome.nanos(), TimeUnit.NANOSECONDS, outcome.failure());
                    }
                    String description = outcome.failure() instanceof RefusedAddress refused ? "refused: the callback " + refused.getMessage()
                            : outcome.failure() instanceof TimeoutException
                            ? "timed out after " + properties.callbackTimeout().toMillis() + " ms"
                            : outcome.httpStatus() != null ? "failed with HTTP " + outcome.httpStatus()
                            : "unreachable: " + outcome.failure().getClass().getSimpleName();
                    Delivery.Attempt attempt = new Delivery.Attempt(now, description, outcome.httpStatus(), millis);
                    return retries.next(delivery.attempts().size() + 1, now)
                            .map(at -> record(delivery, attempt, Delivery.State.PENDING, at))
                            .orElseGet(() -> record(delivery, attempt, Delivery.State.GIVEN_UP, null));
                });
    }

    private Mono<Delivery> record(Delivery delivery, Delivery.Attempt attempt, Delivery.State state, Instant nextAttemptAt) {
        Update update = new Update().push("attempts", attempt).set("state", state).unset("claimedUntil");
        update = nextAttemptAt == null ? update.unset("nextAttemptAt") : update.set("nextAttemptAt", nextAttemptAt);
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(delivery.id())), update,
                FindAndModifyOptions.options().returnNew(true), Delivery.class);
    }

    /** The event in CloudEvents 1.0 structured mode: context attributes and the payload as {@code data}. */
    private String cloudEvent(EventEnvelope<DomainEvent> envelope) {
        ObjectNode document = json.createObjectNode()
                .put("specversion", EventEnvelope.SPEC_VERSION)
                .put("id", envelope.id())
                .put("source", envelope.source())
                .put("type", envelope.type())
                .put("subject", envelope.subject())
                .put("time", envelope.time().toString())
                .put("dataschema", envelope.dataschema())
                .put("datacontenttype", "application/json");
        document.set("data", json.readTree(EventCodec.encode(envelope.data())));
        return json.writeValueAsString(document);
    }

    @Override
    public void start() {
        loop = Flux.interval(properties.deliveryPollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> deliverDue().onErrorResume(e -> {
                    log.warn("looking for due deliveries failed: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
