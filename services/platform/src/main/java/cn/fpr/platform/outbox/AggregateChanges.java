package cn.fpr.platform.outbox;

import cn.fpr.platform.messaging.Correlation;
import cn.fpr.platform.store.StoreCircuit;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The one way an aggregate changes: load it, apply the change (which may raise events into its
 * outbox), save state and events in one versioned document write, retry on the fresh state when
 * another writer won the race, and wake the relay. The change gets the correlation ID of the work
 * in progress, to stamp on the events it raises.
 */
public final class AggregateChanges {

    private static final int RETRIES = 8;
    /** The field of {@link AggregateRoot}'s version as stored. */
    private static final String VERSION = "version";

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final StoreCircuit circuit;

    public AggregateChanges(ReactiveMongoTemplate mongo, OutboxRelay relay, StoreCircuit circuit) {
        this.mongo = mongo;
        this.relay = relay;
        this.circuit = circuit;
    }

    /** Changes the aggregate, or fails with {@code missing} when there is none. */
    public <A extends AggregateRoot, R> Mono<R> change(Class<A> type, Object id, Supplier<? extends Throwable> missing,
                                                       BiFunction<A, String, R> change) {
        return changeIfPresent(type, id, change).switchIfEmpty(Mono.error(missing));
    }

    /** Changes the aggregate if there is one; completes empty otherwise. */
    public <A extends AggregateRoot, R> Mono<R> changeIfPresent(Class<A> type, Object id, BiFunction<A, String, R> change) {
        AtomicBoolean raisedEvents = new AtomicBoolean();
        return Correlation.id().flatMap(correlationId -> circuit.guard(Mono.defer(() -> {
                    AtomicReference<R> result = new AtomicReference<>();
                    return mongo.findById(id, type)
                            .flatMap(aggregate -> {
                                result.set(change.apply(aggregate, correlationId));
                                raisedEvents.set(!aggregate.outbox().isEmpty());
                                return mongo.save(aggregate);
                            })
                            .map(saved -> result.get());
                })
                .retryWhen(Retry.backoff(RETRIES, Duration.ofMillis(10))
                        .filter(OptimisticLockingFailureException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure())))
                // the relay looks up only documents that hold events: most changes raise none
                .doOnSuccess(done -> {
                    if (raisedEvents.get()) {
                        relay.nudge(mongo.getCollectionName(type), id);
                    }
                }));
    }

    /** One change of a batch: the aggregate it is for, the correlation ID of the work it is part of, and the change. */
    public record Change<A extends AggregateRoot, R>(Object id, String correlationId, BiFunction<A, String, R> change) {
    }

    /** A batch that could not be written as a whole; nothing of it was, unless another writer won a race (see {@link #changeAll}). */
    public static final class BatchNotWritten extends RuntimeException {

        BatchNotWritten(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Applies the changes in order, a slice of {@value #SLICE} aggregates at a time: one read of
     * the slice's aggregates ({@code $in}) and one unordered bulk write of them, each write
     * conditional on the version read (an aggregate changed by several of the changes is written
     * once, all its changes in the slice of its first). So a batch holds no more than a slice of
     * aggregates in memory, however many it names and however large they have grown, and no single
     * request holds the store for long. When another writer changed some of a slice's aggregates
     * meanwhile (the relay clearing an outbox, a request), the others are written and the changes
     * of those are applied again on their fresh state, together, up to {@value #RETRIES} times.
     * Completes with the changes' results in order. Fails with {@link BatchNotWritten} when an
     * aggregate is missing or a change fails, with nothing of that slice written (the slices
     * before it are), or when the races were lost every time, with the others written. Either way
     * the caller applies the changes again one at a time ({@link #change}), so they must be
     * idempotent (as the handlers of events are: on the event ID).
     */
    public <A extends AggregateRoot, R> Mono<List<R>> changeAll(Class<A> type, List<Change<A, R>> changes) {
        List<List<Integer>> slices = slicesByAggregate(changes);
        return Flux.fromIterable(slices)
                .concatMap(positions -> changeSlice(type, positions.stream().map(changes::get).toList(), 0))
                .collectList()
                .map(resultsOfSlices -> {
                    List<R> results = new ArrayList<>(Collections.nCopies(changes.size(), null));
                    for (int slice = 0; slice < slices.size(); slice++) {
                        List<Integer> positions = slices.get(slice);
                        for (int i = 0; i < positions.size(); i++) {
                            results.set(positions.get(i), resultsOfSlices.get(slice).get(i));
                        }
                    }
                    return results;
                });
    }

    /**
     * The positions of the changes, in slices of at most {@value #SLICE} aggregates, in order: every
     * change of an aggregate in the slice of its first, so that each aggregate's changes keep their order.
     */
    private static List<List<Integer>> slicesByAggregate(List<? extends Change<?, ?>> changes) {
        Map<Object, List<Integer>> sliceOf = new HashMap<>();
        List<List<Integer>> slices = new ArrayList<>();
        int aggregatesInLast = SLICE;
        for (int i = 0; i < changes.size(); i++) {
            List<Integer> slice = sliceOf.get(changes.get(i).id());
            if (slice == null) {
                if (aggregatesInLast == SLICE) {
                    slices.add(new ArrayList<>());
                    aggregatesInLast = 0;
                }
                slice = slices.get(slices.size() - 1);
                aggregatesInLast++;
                sliceOf.put(changes.get(i).id(), slice);
            }
            slice.add(i);
        }
        return slices;
    }

    /** The changes of one slice, of {@value #SLICE} aggregates at most; see {@link #changeAll}. */
    private <A extends AggregateRoot, R> Mono<List<R>> changeSlice(Class<A> type, List<Change<A, R>> changes, int attempt) {
        if (changes.isEmpty()) {
            return Mono.just(List.of());
        }
        String collection = mongo.getCollectionName(type);
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        Set<Object> ids = new LinkedHashSet<>();
        changes.forEach(change -> ids.add(change.id()));
        // a slice's aggregates at most: one request for a thousand large aggregates keeps the store busy for seconds
        return circuit.guard(mongo.find(Query.query(Criteria.where("_id").in(ids)), type).collectList()).flatMap(found -> {
            Map<Object, A> aggregates = new HashMap<>();
            found.forEach(aggregate -> aggregates.put(entity.getIdentifierAccessor(aggregate).getIdentifier(), aggregate));
            List<R> results = new ArrayList<>(changes.size());
            try {
                for (Change<A, R> change : changes) {
                    A aggregate = aggregates.get(change.id());
                    if (aggregate == null) {
                        throw new BatchNotWritten("no " + type.getSimpleName() + " " + change.id(), null);
                    }
                    results.add(change.change().apply(aggregate, change.correlationId()));
                }
            } catch (BatchNotWritten e) {
                return Mono.error(e);
            } catch (RuntimeException e) {
                return Mono.error(new BatchNotWritten("a change of the batch failed: " + e.getMessage(), e));
            }
            // every aggregate read was changed; its version is still the one read (the store sets it on a write)
            return writeAll(collection, ids.stream().map(aggregates::get).toList(), entity).flatMap(lost -> {
                if (lost.isEmpty()) {
                    return Mono.just(results);
                }
                if (attempt >= RETRIES) {
                    return Mono.error(new BatchNotWritten(lost.size() + " of " + ids.size() + " " + type.getSimpleName()
                            + " documents were changed by another writer meanwhile, " + (attempt + 1) + " times", null));
                }
                return Mono.delay(Duration.ofMillis(10L << attempt)).then(changeAgain(type, changes, results, lost, attempt + 1));
            });
        });
    }

    /** The field of {@link AggregateRoot}'s write mark as stored: the documents a bulk write replaced carry its mark. */
    private static final String WRITE_MARK = "writeMark";

    /**
     * Writes the changed aggregates with unordered bulk writes, a slice to a request, each
     * conditional on the version read, and names those holding events to the relay. Completes with
     * the IDs of those not written: another writer's version was there first, or the document is gone.
     */
    private <A extends AggregateRoot> Mono<Set<Object>> writeAll(String collection, List<A> aggregates, MongoPersistentEntity<?> entity) {
        String mark = UUID.randomUUID().toString();
        List<ReplaceOneModel<Document>> writes = new ArrayList<>(aggregates.size());
        Map<Object, A> byId = new LinkedHashMap<>();
        for (A aggregate : aggregates) {
            byId.put(entity.getIdentifierAccessor(aggregate).getIdentifier(), aggregate);
            aggregate.markWrite(mark);
            writes.add(versionedReplace(aggregate));
        }
        return mongo.getCollection(collection).flatMap(documents -> Flux.fromIterable(slices(writes))
                .concatMap(slice -> circuit.guard(Mono.from(documents.bulkWrite(slice, new BulkWriteOptions().ordered(false)))))
                .map(written -> (long) written.getMatchedCount())
                .reduce(0L, Long::sum)
                .flatMap(matched -> matched == writes.size() ? Mono.just(Set.<Object>of())
                        : notMarked(documents, List.copyOf(byId.keySet()), mark))
                .doOnNext(lost -> byId.forEach((id, aggregate) -> {
                    if (!lost.contains(id) && !aggregate.outbox().isEmpty()) {
                        relay.nudge(collection, id);
                    }
                })));
    }

    /**
     * Of the documents with these IDs, those that do not carry the mark of a write (or are gone).
     * Looked up by ID alone, the mark compared here: a store may use an index only for a query on
     * its keys alone.
     */
    private Mono<Set<Object>> notMarked(MongoCollection<Document> documents, List<Object> ids, String mark) {
        return Flux.fromIterable(slices(ids))
                .concatMap(slice -> circuit.guard(Flux.from(documents.find(new Document("_id", new Document("$in", slice)))
                                .projection(new Document("_id", 1).append(WRITE_MARK, 1)))
                        .filter(document -> mark.equals(document.get(WRITE_MARK)))
                        .map(document -> document.get("_id")).collectList()))
                .collect(() -> new LinkedHashSet<Object>(ids), Set::removeAll);
    }

    /** The changes of the aggregates not written applied again on their fresh state; the others' results kept. */
    private <A extends AggregateRoot, R> Mono<List<R>> changeAgain(Class<A> type, List<Change<A, R>> changes, List<R> results,
                                                                  Set<Object> notWritten, int attempt) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (notWritten.contains(changes.get(i).id())) {
                positions.add(i);
            }
        }
        return changeSlice(type, positions.stream().map(changes::get).toList(), attempt).map(again -> {
            List<R> merged = new ArrayList<>(results);
            for (int i = 0; i < positions.size(); i++) {
                merged.set(positions.get(i), again.get(i));
            }
            return merged;
        });
    }

    /** Aggregates read or written with one request of the store, at most. */
    static final int SLICE = 100;

    private static <T> List<List<T>> slices(List<T> all) {
        List<List<T>> slices = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SLICE) {
            slices.add(all.subList(from, Math.min(all.size(), from + SLICE)));
        }
        return slices;
    }

    /**
     * Changes every aggregate the query finds, for work over very many of them (a province's
     * households when its line changes), where a read of the store for each would be much of the
     * time: the aggregates come from the one query, the change is applied to each as it comes, and
     * they are written a slice at a time as {@link #changeAll} writes them, each conditional on
     * the version read. An aggregate another writer changed meanwhile is changed again on its fresh
     * state ({@link #changeIfPresent}); one gone meanwhile is left out. Emits the changes' results
     * (not null), not in the query's order. A change that fails fails the whole, with some
     * aggregates written: the changes must be idempotent, so that the work can simply be done again.
     */
    public <A extends AggregateRoot, R> Flux<R> changeEach(Class<A> type, Query query, BiFunction<A, String, R> change) {
        String collection = mongo.getCollectionName(type);
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        // two slices at once: the next one is changed and mapped while the store writes the last
        return Correlation.id().flatMapMany(correlationId -> mongo.find(query, type).buffer(SLICE).flatMap(slice -> {
            List<R> results = new ArrayList<>(slice.size());
            slice.forEach(aggregate -> results.add(change.apply(aggregate, correlationId)));
            return writeAll(collection, slice, entity).flatMapMany(lost -> {
                List<R> written = new ArrayList<>(slice.size());
                for (int i = 0; i < slice.size(); i++) {
                    if (!lost.contains(entity.getIdentifierAccessor(slice.get(i)).getIdentifier())) {
                        written.add(results.get(i));
                    }
                }
                // another writer first: again, on what it left
                return Flux.concat(Flux.fromIterable(written), Flux.fromIterable(lost).concatMap(id -> changeIfPresent(type, id, change)));
            });
        }, 2));
    }

    /** The aggregate as a document with its next version, to replace the stored one only if that still has the version read. */
    private ReplaceOneModel<Document> versionedReplace(AggregateRoot aggregate) {
        Long read = aggregate.version();
        Document document = document(aggregate, read == null ? 0L : read + 1);
        return new ReplaceOneModel<>(new Document("_id", document.get("_id")).append(VERSION, read), document);
    }

    /** The aggregate as the store keeps it, with the given version. */
    private Document document(AggregateRoot aggregate, long version) {
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        document.put(VERSION, version);
        return document;
    }

    /** The store's code for a write refused by a unique index. */
    private static final int DUPLICATE_KEY = 11000;

    /**
     * Saves new aggregates (with the events their creation raised) with one unordered bulk insert.
     * Completes with, for each in order, whether it was saved: one a unique index refused (its ID,
     * or a unique value another aggregate holds already, one of the same batch included) is not.
     * Any other failure fails the whole, and some may have been saved: saving them again refuses
     * those.
     */
    public <A extends AggregateRoot> Mono<List<Boolean>> createAll(List<A> aggregates) {
        if (aggregates.isEmpty()) {
            return Mono.just(List.of());
        }
        String collection = mongo.getCollectionName(aggregates.get(0).getClass());
        List<Document> documents = new ArrayList<>(aggregates.size());
        for (A aggregate : aggregates) {
            documents.add(document(aggregate, 0L));
        }
        return circuit.guard(mongo.getCollection(collection)
                        .flatMap(store -> Mono.from(store.insertMany(documents, new InsertManyOptions().ordered(false))))
                        .<List<Boolean>>map(inserted -> Collections.nCopies(documents.size(), true))
                        .onErrorResume(MongoBulkWriteException.class, refused -> {
                            List<Boolean> saved = new ArrayList<>(Collections.nCopies(documents.size(), true));
                            for (BulkWriteError error : refused.getWriteErrors()) {
                                if (error.getCode() != DUPLICATE_KEY) {
                                    return Mono.error(refused);
                                }
                                saved.set(error.getIndex(), false);
                            }
                            return Mono.just(saved);
                        }))
                .map(saved -> {
                    for (int i = 0; i < documents.size(); i++) {
                        if (saved.get(i) && !aggregates.get(i).outbox().isEmpty()) {
                            relay.nudge(collection, documents.get(i).get("_id"));
                        }
                    }
                    return List.copyOf(saved);
                });
    }

    /** Saves a new aggregate (with the events its creation raised). */
    public <A extends AggregateRoot> Mono<A> create(A aggregate) {
        return circuit.guard(mongo.insert(aggregate)).doOnSuccess(saved -> {
            if (!saved.outbox().isEmpty()) {
                relay.nudge(mongo.getCollectionName(saved.getClass()),
                        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(saved.getClass())
                                .getIdentifierAccessor(saved).getIdentifier());
            }
        });
    }
}
