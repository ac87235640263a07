package cn.fpr.platform.outbox;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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
        List<String> ids = published.messages().stream().map(OutboxMessage::eventId).toList();
        Update update = new Update()
                .pull("outbox", new Document("eventId", new Document("$in", ids)))
                .inc("version", 1);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(published.documentId())), update, published.collection())
                .block(TIMEOUT);
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
