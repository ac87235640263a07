package cn.fpr.employment.relocation;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.labour.LabourEvent;
import cn.fpr.employment.seeker.JobSeeker;
import cn.fpr.platform.messaging.Correlation;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.outbox.AggregateChanges;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Caller;
import cn.fpr.platform.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Relocation sites and their households: every household with labour needs someone in work. */
@Service
public class Relocation {

    private final ReactiveMongoTemplate mongo;
    private final Events events;
    private final AggregateChanges changes;
    private final Clock clock;

    Relocation(ReactiveMongoTemplate mongo, Events events, AggregateChanges changes, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.changes = changes;
        this.clock = clock;
    }

    /** A new site, in a county of the caller's region (a broken rule naming the county otherwise). */
    public Mono<RelocationSite> createSite(RelocationSite site) {
        return Caller.creatingIn(site.countyCode(), "countyCode").then(mongo.insert(site)).onErrorMap(DuplicateKeyException.class, e -> new RuleBroken("siteId", "exists already"));
    }

    /**
     * Moves a household to a site. Who of it is in work is taken from the labour registry; a
     * household with labour and nobody in work is announced at once.
     */
    public Mono<RelocatedHousehold> relocate(String siteId, String householdId, Set<String> labourMembers) {
        return site(siteId).flatMap(site -> Correlation.id().flatMap(correlationId ->
                mongo.find(Query.query(Criteria.where("householdId").is(householdId).and("employed").is(true)), JobSeeker.class)
                        .map(JobSeeker::memberId).collect(Collectors.toSet())
                        .flatMap(employed -> changes.create(new RelocatedHousehold(householdId, siteId, site.countyCode(),
                                labourMembers, employed, LocalDate.now(clock), envelope(correlationId))))
                        .onErrorMap(DuplicateKeyException.class, e -> new RuleBroken("householdId", "is already relocated"))));
    }

    /** Employment's own job-placed and job-lost, applied to the household if it is relocated (idempotent: a set). */
    public Mono<Void> employment(String householdId, String memberId, boolean employed) {
        return changes.changeIfPresent(RelocatedHousehold.class, householdId, (household, correlationId) -> {
            household.employment(memberId, employed, LocalDate.now(clock), envelope(correlationId));
            return household;
        }).then();
    }

    public Flux<RelocatedHousehold> households(String siteId, boolean zeroEmploymentOnly) {
        Criteria criteria = Criteria.where("siteId").is(siteId);
        if (zeroEmploymentOnly) {
            criteria = criteria.and("zeroEmploymentSince").ne(null);
        }
        return site(siteId).thenMany(mongo.find(Query.query(criteria), RelocatedHousehold.class));
    }

    /** A site of the caller's region; any other answers as one that does not exist. */
    private Mono<RelocationSite> site(String siteId) {
        return mongo.findById(siteId, RelocationSite.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no relocation site " + siteId)))
                .flatMap(site -> Caller.seen(site, site.countyCode(), () -> new NotFoundException("no relocation site " + siteId)));
    }

    private Function<LabourEvent, EventEnvelope<? extends LabourEvent>> envelope(String correlationId) {
        return event -> events.envelope(event, correlationId);
    }
}
