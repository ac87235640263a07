package cn.fpr.employment.opening;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.labour.LabourEvent;
import cn.fpr.contracts.pairing.LabourOfferPosted;
import cn.fpr.contracts.pairing.PairingEvent;
import cn.fpr.employment.opening.model.Matching;
import cn.fpr.employment.seeker.JobSeeker;
import cn.fpr.employment.seeker.LabourRegistry;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.outbox.AggregateChanges;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** Openings of every kind: listing, matching, placing people and recording job losses. */
@Service
public class Openings {

    private final ReactiveMongoTemplate mongo;
    private final LabourRegistry seekers;
    private final EmploymentPolicyProperties policies;
    private final Events events;
    private final AggregateChanges changes;
    private final Clock clock;

    Openings(ReactiveMongoTemplate mongo, LabourRegistry seekers, EmploymentPolicyProperties policies, Events events,
             AggregateChanges changes, Clock clock) {
        this.mongo = mongo;
        this.seekers = seekers;
        this.policies = policies;
        this.events = events;
        this.changes = changes;
        this.clock = clock;
    }

    /** A new opening, working in a county of the caller's region (a broken rule naming the county otherwise). */
    public Mono<Opening> create(Opening opening) {
        return Caller.creatingIn(opening.workCountyCode(), "workCountyCode").then(changes.create(opening));
    }

    public Mono<Opening> find(String openingId) {
        return mongo.findById(openingId, Opening.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no opening " + openingId)));
    }

    public Flux<Opening> list(String countyCode, OpeningKind kind, int page, int size) {
        Criteria criteria = new Criteria();
        if (countyCode != null) {
            criteria = criteria.and("workCountyCode").is(countyCode);
        }
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        Query query = Query.query(criteria).with(Sort.by("_id")).skip((long) page * size).limit(size);
        query.fields().exclude("outbox", "appliedEventIds");
        return mongo.find(query, Opening.class);
    }

    /** East–west labour offers from the cooperation service become openings, once each. */
    public Mono<Void> apply(PairingEvent event) {
        if (!(event instanceof LabourOfferPosted offer)) {
            return Mono.empty();
        }
        Opening opening = new Opening("offer-" + offer.offerId(), OpeningKind.EAST_WEST_LABOUR_OFFER, offer.employer(),
                offer.workRegionCode(), offer.positions(), offer.skillsRequired(), offer.monthlyWageYuan(), null, null, null,
                null, offer.pairingId(), offer.validUntil());
        return changes.create(opening).onErrorResume(DuplicateKeyException.class, e -> Mono.empty()).then();
    }

    /** Seekers of the caller's region who may take the opening, best first. */
    public Mono<List<Matching.Match>> matches(String openingId, int limit) {
        return Mono.zip(find(openingId), Caller.currentOrService()).flatMap(found -> {
            Opening opening = found.getT1();
            Caller caller = found.getT2();
            return seekers.available(opening.workCountyCode().substring(0, 2))
                    .filter(seeker -> caller.covers(LabourRegistry.regionOf(seeker)))
                    .map(JobSeeker::toSeeker).collectList()
                    .map(candidates -> Matching.rank(candidates, opening.terms(), LocalDate.now(clock),
                            policies.forCounty(opening.workCountyCode())))
                    .map(ranked -> ranked.subList(0, Math.min(limit, ranked.size())));
        });
    }

    public Mono<Placement> place(String openingId, String seekerId, LocalDate startDate) {
        String placementId = "pl-" + UUID.randomUUID();
        return seekers.find(seekerId)
                .onErrorMap(NotFoundException.class, e -> new RuleBroken("seekerId", e.getMessage()))
                .flatMap(seeker -> change(openingId, (opening, envelope) -> opening.place(seeker, placementId, startDate,
                        LocalDate.now(clock), policies.forCounty(opening.workCountyCode()), envelope)));
    }

    /** Ends a placement; one of a seeker outside the caller's region answers as one that does not exist. */
    public Mono<Placement> end(String placementId, LocalDate lostOn, String reason) {
        Query query = Query.query(Criteria.where("placements.placementId").is(placementId));
        query.fields().include("placements");
        Supplier<NotFoundException> missing = () -> new NotFoundException("no placement " + placementId);
        return mongo.findOne(query, Opening.class)
                .switchIfEmpty(Mono.error(missing))
                .flatMap(found -> Mono.justOrEmpty(found.placements().stream()
                                .filter(placement -> placement.placementId().equals(placementId)).findFirst())
                        .flatMap(placement -> seekers.find(placement.seekerId()))
                        .onErrorMap(NotFoundException.class, e -> missing.get())
                        .then(change(found.id(), (opening, envelope) -> opening.end(placementId, lostOn, reason, envelope))));
    }

    /** Through the platform's one mechanism: a lost race for the last place is retried on the fresh state. */
    private <R> Mono<R> change(String openingId,
                               BiFunction<Opening, Function<LabourEvent, EventEnvelope<? extends LabourEvent>>, R> change) {
        return changes.change(Opening.class, openingId, () -> new NotFoundException("no opening " + openingId),
                (opening, correlationId) -> change.apply(opening, event -> events.envelope(event, correlationId)));
    }
}
