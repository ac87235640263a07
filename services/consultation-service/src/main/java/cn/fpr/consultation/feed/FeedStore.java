package cn.fpr.consultation.feed;

import cn.fpr.consultation.projection.Projections;
import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.EventEnvelope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The retained feed of events, in the store so that every instance streams the same sequence and a
 * client that reconnects (to any instance) resumes after the last event it saw. Each event is
 * appended once, however often it is consumed; the oldest entries beyond the retention are removed.
 */
@Service
public class FeedStore {

    @Document("counters")
    record Counter(@Id String id, long value) {
    }

    private final ReactiveMongoTemplate mongo;

    FeedStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<FeedEntry> append(EventEnvelope<DomainEvent> envelope, Projections.Where where) {
        return mongo.exists(Query.query(Criteria.where("_id").is(envelope.id())), FeedEntry.class)
                .flatMap(known -> known ? Mono.empty() : nextSeq().flatMap(seq -> mongo.insert(new FeedEntry(envelope.id(), seq,
                        envelope.type(), envelope.source(), envelope.subject(), envelope.time(), where.provinceCode(),
                        where.countyCode(), where.townshipCode(),
                        new String(EventCodec.encode(envelope.data()), StandardCharsets.UTF_8)))))
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
    }

    /** Entries after a place in the feed, oldest first. */
    public Flux<FeedEntry> after(long seq, int limit) {
        return mongo.find(Query.query(Criteria.where("seq").gt(seq)).with(Sort.by("seq")).limit(limit), FeedEntry.class);
    }

    /**
     * The entries at the places after {@code seq} up to {@code last}, oldest first: asked for by
     * place, which every store serves from the unique index on {@code seq} (a range is read from
     * every entry on the development store).
     */
    public Flux<FeedEntry> between(long seq, long last) {
        List<Long> places = LongStream.rangeClosed(seq + 1, last).boxed().toList();
        return mongo.find(Query.query(Criteria.where("seq").in(places)).with(Sort.by("seq")), FeedEntry.class);
    }

    /** The place of an event in the feed, if it is still retained. */
    public Mono<Long> seqOf(String eventId) {
        return mongo.findById(eventId, FeedEntry.class).map(FeedEntry::seq);
    }

    /** The last place in the feed (0 when empty). */
    public Mono<Long> last() {
        return mongo.findById("feed", Counter.class).map(Counter::value).defaultIfEmpty(0L);
    }

    /** Removes the entries older than the newest {@code retained}. */
    public Mono<Long> trim(long retained) {
        return last().flatMap(last -> mongo.remove(Query.query(Criteria.where("seq").lte(last - retained)), FeedEntry.class))
                .map(result -> result.getDeletedCount());
    }

    private Mono<Long> nextSeq() {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is("feed")), new Update().inc("value", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class).map(Counter::value);
    }
}
