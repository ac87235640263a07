package cn.fpr.platform.outbox;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Finds and clears outboxes in the collections of the service's {@link AggregateRoot} documents. */
final class MongoOutboxStore implements OutboxStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final Supplier<List<String>> collections;

    MongoOutboxStore(ReactiveMongoTemplate mongo, Supplier<List<String>> collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    @Override
    public List<PendingEvents> findPending(int limit) {
        List<PendingEvents> pending = new ArrayList<>();
        for (String collection : collections.get()) {
            Query query = new Query(Criteria.where("outbox.0").exists(true)).limit(limit - pending.size());
            query.fields().include("_id", "outbox");
            List<Document> documents = mongo.find(query, Document.class, collection).collectList().block(TIMEOUT);
            if (documents != null) {
                documents.forEach(document -> pending.add(pendingOf(collection, document)));
            }
            if (pending.size() >= limit) {
                break;
            }
        }
        return pending;
    }

    @Override
    public Optional<PendingEvents> findPending(String collection, Object documentId) {
        Query query = Query.query(Criteria.where("_id").is(documentId));
        query.fields().include("_id", "outbox");
        Document document = mongo.findOne(query, Document.class, collection).block(TIMEOUT);
        return document == null || document.getList("outbox", Document.class, List.of()).isEmpty() ? Optional.empty()
                : Optional.of(pendingOf(collection, document));
    }

    @Override
    public List<PendingEvents> findPending(String collection, Collection<?> documentIds) {
        Query query = Query.query(Criteria.where("_id").in(documentIds));
        query.fields().include("_id", "outbox");
        List<Document> documents = mongo.find(query, Document.class, collection).collectList().block(TIMEOUT);
        return documents == null ? List.of() : documents.stream()
                .filter(document -> !document.getList("outbox", Document.class, List.of()).isEmpty())
                .map(document -> pendingOf(collection, document)).toList();
    }

    @Override
    public void remove(PendingEvents published) {
        removeAll(List.of(published));
    }

    /** One unordered bulk update per collection: each document's published events pulled, its version raised. */
    @Override
    public void removeAll(List<PendingEvents> published) {
        Map<String, List<UpdateOneModel<Document>>> byCollection = new LinkedHashMap<>();
        for (PendingEvents pending : published) {
            List<String> ids = pending.messages().stream().map(OutboxMessage::eventId).toList();
            byCollection.computeIfAbsent(pending.collection(), collection -> new ArrayList<>()).add(new UpdateOneModel<>(
                    new Document("_id", pending.documentId()),
                    new Document("$pull", new Document("outbox", new Document("eventId", new Document("$in", ids))))
                            .append("$inc", new Document("version", 1))));
        }
        byCollection.forEach((collection, updates) -> mongo.getCollection(collection)
                .flatMap(documents -> Mono.from(documents.bulkWrite(updates, new BulkWriteOptions().ordered(false))))
                .block(TIMEOUT));
    }

    @SuppressWarnings("unchecked")
    private static PendingEvents pendingOf(String collection, Document document) {
        List<OutboxMessage> messages = document.getList("outbox", Document.class).stream()
                .map(message -> new OutboxMessage(message.getString("eventId"), message.getString("topic"),
                        message.getString("key"), (Map<String, String>) (Map<?, ?>) message.get("headers", Document.class),
                        message.getString("payload")))
                .toList();
        return new PendingEvents(collection, document.get("_id"), messages);
    }
}
