package cn.fpr.consultation.feed;

import cn.fpr.consultation.projection.Projections;
import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.EventEnvelope;
import com.mongodb.bulk.BulkWriteResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** An event for the feed, with the region it concerns. */
    public record News(EventEnvelope<DomainEvent> envelope, Projections.Where where) {
    }

    /**
     * Appends the events in order, each once however often it is consumed: one look-up of which
     * are in the feed already, one move of the counter for the places of the others, and one
     * insert of them all. Completes with how many were appended.
     */
    public Mono<Integer> append(List<News> news) {
        if (news.isEmpty()) {
            return Mono.just(0);
        }
        Map<String, News> byId = new LinkedHashMap<>();
        news.forEach(one -> byId.putIfAbsent(one.envelope().id(), one));
        return mongo.find(Query.query(Criteria.where("_id").in(byId.keySet())), FeedEntry.class).map(FeedEntry::eventId).collectList()
                .flatMap(known -> {
                    known.forEach(byId::remove);
                    List<News> fresh = List.copyOf(byId.values());
                    if (fresh.isEmpty()) {
                        return Mono.just(0);
                    }
                    return reserve(fresh.size()).flatMap(last -> {
                        List<FeedEntry> entries = new ArrayList<>(fresh.size());
                        long seq = last - fresh.size();
                        for (News one : fresh) {
                            EventEnvelope<DomainEvent> envelope = one.envelope();
                            entries.add(new FeedEntry(envelope.id(), ++seq, envelope.type(), envelope.source(), envelope.subject(),
                                    envelope.time(), one.where().provinceCode(), one.where().countyCode(), one.where().townshipCode(),
                                    new String(EventCodec.encode(envelope.data()), StandardCharsets.UTF_8)));
                        }
                        return mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FeedEntry.class).insert(entries).execute()
                                .map(BulkWriteResult::getInsertedCount)
                                // another instance appended one of them meanwhile: the others are in
                                .onErrorResume(FeedStore::onlyDuplicates, e -> Mono.just(0));
                    });
                });
    }

    private static boolean onlyDuplicates(Throwable failure) {
        return failure instanceof DuplicateKeyException || failure instanceof BulkOperationException bulk
                && bulk.getErrors().stream().allMatch(error -> error.getCode() == 11000);
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

    /** Moves the counter on by {@code places}; completes with the last of the places reserved. */
    private Mono<Long> reserve(int places) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is("feed")), new Update().inc("value", (long) places),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class).map(Counter::value);
    }
}
