package cn.fpr.platform.outbox;


import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where pending events wait: inside the documents of the aggregate collections. */
public interface OutboxStore {

    /** Documents with pending events, oldest first, at most {@code limit} (a scan of every aggregate collection). */
    List<PendingEvents> findPending(int limit);

    /** The pending events of one document, looked up by its ID; empty when it has none (or is gone). */
    Optional<PendingEvents> findPending(String collection, Object documentId);

    /** The pending events of several documents of one collection, looked up by their IDs (those with none left out). */
    default List<PendingEvents> findPending(String collection, Collection<?> documentIds) {
        List<PendingEvents> found = new ArrayList<>();
        documentIds.forEach(id -> findPending(collection, id).ifPresent(found::add));
        return found;
    }

    /** Removes the given events from the document's outbox, after the broker acknowledged them. */
    void remove(PendingEvents published);

    /** Removes the given events from their documents' outboxes, after the broker acknowledged them all. */
    default void removeAll(List<PendingEvents> published) {
        published.forEach(this::remove);
    }

    /** The pending events of one aggregate document, in the order they were raised. */
    record PendingEvents(String collection, Object documentId, List<OutboxMessage> messages) {
    }
}
