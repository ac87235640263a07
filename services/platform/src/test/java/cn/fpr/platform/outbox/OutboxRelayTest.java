package cn.fpr.platform.outbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxRelayTest {

    /** Outboxes by document ID, in one collection; counts the scans. */
    static final class Outboxes implements OutboxStore {
        final Map<Object, List<OutboxMessage>> documents = Collections.synchronizedMap(new LinkedHashMap<>());
        final AtomicInteger scans = new AtomicInteger();

        void raise(String documentId, String eventId) {
            documents.computeIfAbsent(documentId, id -> new ArrayList<>())
                    .add(new OutboxMessage(eventId, "fpr.test.v1", documentId, Map.of("ce_id", eventId), "{}"));
        }

        @Override
        public List<PendingEvents> findPending(int limit) {
            scans.incrementAndGet();
            synchronized (documents) {
                return documents.entrySet().stream().filter(e -> !e.getValue().isEmpty()).limit(limit)
                        .map(e -> new PendingEvents("ledgers", e.getKey(), List.copyOf(e.getValue()))).toList();
            }
        }

        @Override
        public Optional<PendingEvents> findPending(String collection, Object documentId) {
            List<OutboxMessage> messages = documents.getOrDefault(documentId, List.of());
            return messages.isEmpty() ? Optional.empty() : Optional.of(new PendingEvents(collection, documentId, List.copyOf(messages)));
        }

        @Override
        public void remove(PendingEvents published) {
            documents.get(published.documentId()).removeAll(published.messages());
        }
    }

    /** What reached the broker, in order; can be made to fail. */
    static final class Broker implements OutboxPublisher {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public void publish(List<OutboxMessage> messages) {
            if (down.get()) {
                throw new IllegalStateException("broker away");
            }
            messages.forEach(message -> events.add(message.eventId()));
        }
    }

    private final Outboxes store = new Outboxes();
    private final Broker broker = new Broker();
    private OutboxRelay relay;

    @AfterEach
    void stop() {
        relay.stop();
    }

    @Test
    void a_change_that_names_its_document_is_published_at_once_without_scanning_every_collection() {
        relay = new OutboxRelay(store, broker, Duration.ofMillis(50), Duration.ofHours(1), 100, true);
        relay.start();
        await().until(() -> store.scans.get() == 1);   // the scan at start, for anything left behind

        for (int i = 0; i < 50; i++) {
            store.raise("hh-" + i, "e-" + i);
            relay.nudge("ledgers", "hh-" + i);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.events.size() == 50);
        assertThat(broker.events).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "e-" + i).toList());
        assertThat(store.scans.get()).isEqualTo(1);
        assertThat(store.documents.values()).allSatisfy(outbox -> assertThat(outbox).isEmpty());
    }

    @Test
    void events_no_change_named_are_found_by_the_periodic_scan() {
        relay = new OutboxRelay(store, broker, Duration.ofMillis(50), Duration.ofMillis(300), 100, true);
        relay.start();
        await().until(() -> store.scans.get() >= 1);
        store.raise("hh-left-behind", "e-left");   // e.g. by an instance that crashed before publishing

        await().atMost(Duration.ofSeconds(5)).until(() -> broker.events.contains("e-left"));
        assertThat(store.scans.get()).isGreaterThan(1);
    }

    @Test
    void a_failed_publication_is_kept_and_sent_by_the_scan_that_follows_the_failure() {
        relay = new OutboxRelay(store, broker, Duration.ofMillis(50), Duration.ofHours(1), 100, true);
        relay.start();
        await().until(() -> store.scans.get() == 1);
        broker.down.set(true);
        store.raise("hh-1", "e-1");
        relay.nudge("ledgers", "hh-1");
        // the failure makes it scan (although the next periodic scan is an hour away); that fails too while the broker is away
        await().atMost(Duration.ofSeconds(5)).until(() -> store.scans.get() >= 2);
        assertThat(store.documents.get("hh-1")).hasSize(1);
        assertThat(broker.events).isEmpty();

        broker.down.set(false);
        await().atMost(Duration.ofSeconds(15)).until(() -> broker.events.contains("e-1"));
        assertThat(store.documents.get("hh-1")).isEmpty();
    }
}
