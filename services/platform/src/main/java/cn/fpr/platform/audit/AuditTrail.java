package cn.fpr.platform.audit;

import cn.fpr.platform.messaging.Correlation;
import cn.fpr.platform.security.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The service's audit trail: who did what and when, append-only, in its own store (collection
 * {@value #COLLECTION}), queryable by operators ({@code GET /api/v1/audit}).
 *
 * <p>An action that changes an aggregate records its entry in the aggregate's outbox
 * ({@link cn.fpr.platform.outbox.AggregateRoot#audit}), so the entry is written in the same
 * document write as the change and relayed to the trail at least once; entries are kept by their
 * ID, so a second relay changes nothing. An action on a plain document records its entry right
 * after the change under an ID made from the action itself ({@link #record}), so a retried
 * action records it again under the same ID, once.
 */
public class AuditTrail {

    public static final String COLLECTION = "audit";
    /** The outbox destination of an audit entry: the trail in the service's store, not a topic. */
    public static final String DESTINATION = "store:" + COLLECTION;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public AuditTrail(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** An entry for the action the current caller is taking, with a fresh ID. */
    public Mono<AuditEntry> entry(String action, String subject, String region, String detail) {
        return entry(UUID.randomUUID().toString(), action, subject, region, detail);
    }

    /** An entry for the action the current caller is taking, under an ID the action determines. */
    public Mono<AuditEntry> entry(String id, String action, String subject, String region, String detail) {
        return Mono.zip(Caller.currentOrService(), Correlation.id())
                .map(both -> new AuditEntry(id, Instant.now(clock), both.getT1().subject(),
                        both.getT1().roles().stream().map(Enum::name).sorted().toList(), action, subject, region, detail, both.getT2()));
    }

    /** Keeps an entry (again, if it is kept already: the first one stays as it was). */
    public Mono<AuditEntry> record(AuditEntry entry) {
        return mongo.insert(entry).onErrorResume(org.springframework.dao.DuplicateKeyException.class,
                e -> mongo.findById(entry.id(), AuditEntry.class));
    }

    /** Entries, newest first, filtered by what is given. */
    public Flux<AuditEntry> find(String action, String actor, String subject, Instant from, Instant to, int page, int size) {
        Criteria criteria = new Criteria();
        if (action != null) {
            criteria = criteria.and("action").is(action);
        }
        if (actor != null) {
            criteria = criteria.and("actor").is(actor);
        }
        if (subject != null) {
            criteria = criteria.and("subject").is(subject);
        }
        if (from != null || to != null) {
            Criteria at = Criteria.where("at");
            if (from != null) {
                at = at.gte(from);
            }
            if (to != null) {
                at = at.lt(to);
            }
            criteria = criteria.andOperator(at);
        }
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).skip((long) page * size).limit(size),
                AuditEntry.class);
    }
}
