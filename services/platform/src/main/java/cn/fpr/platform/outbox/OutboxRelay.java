package cn.fpr.platform.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the events waiting in aggregate documents, at least once and in the order each
 * aggregate raised them: send, wait for the broker's acknowledgement, only then remove.
 *
 * <p>A change saved through {@link AggregateChanges} names its document to the relay, which looks
 * that one document up by ID and publishes its events at once. Besides, every
 * {@code scanInterval} (and after any failure, and when more changes were named than it keeps
 * track of) the relay scans every aggregate collection for documents with events left behind: by
 * a crash at any point, by another instance, or by a write that did not name its document.
 * Consumers drop the duplicates by event ID.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final OutboxPublisher publisher;
    /** Changes named but not relayed yet; beyond this many, a scan finds the rest. */
    static final int MOST_NAMED = 10_000;

    private final Duration pollInterval;
    private final Duration scanInterval;
    private final int batchSize;
    private final boolean autoStartup;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ConcurrentLinkedQueue<Named> named = new ConcurrentLinkedQueue<>();
    private final AtomicInteger namedCount = new AtomicInteger();
    private final AtomicBoolean scanDue = new AtomicBoolean(true);
    private final AtomicLong published = new AtomicLong();
    private volatile Thread worker;

    /** A document named by a change that saved events in it. */
    private record Named(String collection, Object documentId) {
    }

    /**
     * @param pollInterval how long the relay waits for named changes before it looks again
     * @param scanInterval how often it scans every aggregate collection for events left behind
     */
    public OutboxRelay(OutboxStore store, OutboxPublisher publisher, Duration pollInterval, Duration scanInterval, int batchSize,
                       boolean autoStartup) {
        this.store = store;
        this.autoStartup = autoStartup;
        this.publisher = publisher;
        this.pollInterval = pollInterval;
        this.scanInterval = scanInterval;
        this.batchSize = batchSize;
    }

    /**
     * One scan: publish and clear up to a batch of outboxes found in any aggregate collection.
     *
     * @return how many events were published
     */
    public int relayOnce() {
        List<OutboxStore.PendingEvents> found = store.findPending(batchSize);
        if (found.size() >= batchSize) {
            scanDue.set(true);   // there may be more
        }
        return relay(found);
    }

    /**
     * Publishes the events of the documents named since the last time, each looked up by its ID.
     *
     * @return how many events were published
     */
    int relayNamed() {
        Set<Named> documents = new LinkedHashSet<>();
        Named next;
        while (documents.size() < batchSize && (next = named.poll()) != null) {
            namedCount.decrementAndGet();
            documents.add(next);
        }
        // one look-up per collection for all its named documents
        Map<String, List<Object>> byCollection = new LinkedHashMap<>();
        documents.forEach(document -> byCollection.computeIfAbsent(document.collection(), c -> new ArrayList<>()).add(document.documentId()));
        List<OutboxStore.PendingEvents> found = new ArrayList<>();
        byCollection.forEach((collection, ids) -> found.addAll(store.findPending(collection, ids)));
        return relay(found);
    }

    /**
     * Publishes the events of all the documents found together and waits once for the broker's
     * acknowledgements (each document's events stay in their order), then clears each outbox.
     * If any is not acknowledged, none is cleared: all are sent again (consumers deduplicate).
     */
    private int relay(List<OutboxStore.PendingEvents> found) {
        if (found.isEmpty()) {
            return 0;
        }
        List<OutboxMessage> messages = found.stream().flatMap(pending -> pending.messages().stream()).toList();
        publisher.publish(messages);
        store.removeAll(found);
        published.addAndGet(messages.size());
        return messages.size();
    }

    /** Names a document in which a change has just saved events, for the relay to publish them at once. */
    public void nudge(String collection, Object documentId) {
        if (namedCount.incrementAndGet() > MOST_NAMED) {
            namedCount.decrementAndGet();
            scanDue.set(true);
        } else {
            named.add(new Named(collection, documentId));
        }
        wakeUp.release();
    }

    /** Events published since start. */
    public long publishedCount() {
        return published.get();
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void run() {
        Duration backOff = pollInterval;
        long lastScan = 0;
        while (worker == Thread.currentThread()) {
            try {
                if (scanDue.getAndSet(false) || System.nanoTime() - lastScan >= scanInterval.toNanos()) {
                    lastScan = System.nanoTime();
                    relayOnce();
                }
                relayNamed();
                backOff = pollInterval;
                if (named.isEmpty() && !scanDue.get()) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted() || worker != Thread.currentThread()) {
                    return;
                }
                scanDue.set(true);   // what failed is found again by the scan
                backOff = backOff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : backOff.multipliedBy(2);
                log.warn("outbox relay pass failed, retrying in {} ms: {}", backOff.toMillis(), e.toString());
                if (!pause(backOff)) {
                    return;
                }
            }
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
