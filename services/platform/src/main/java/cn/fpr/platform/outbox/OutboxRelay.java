package cn.fpr.platform.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the events waiting in aggregate documents, at least once and in the order each
 * aggregate raised them: send, wait for the broker's acknowledgement, only then remove. Events
 * left behind by a crash at any point are found and sent on the next pass or after a restart;
 * consumers drop the duplicates by event ID.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final Duration pollInterval;
    private final int batchSize;
    private final boolean autoStartup;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private volatile Thread worker;

    public OutboxRelay(OutboxStore store, OutboxPublisher publisher, Duration pollInterval, int batchSize, boolean autoStartup) {
        this.store = store;
        this.autoStartup = autoStartup;
        this.publisher = publisher;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
    }

    /**
     * One pass: publish and clear up to a batch of outboxes.
     *
     * @return how many events were published
     */
    public int relayOnce() {
        int count = 0;
        for (OutboxStore.PendingEvents pending : store.findPending(batchSize)) {
            publisher.publish(pending.messages());
            store.remove(pending);
            count += pending.messages().size();
        }
        published.addAndGet(count);
        return count;
    }

    /** Asks for a pass now, e.g. right after a state change was saved. */
    public void nudge() {
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
        while (worker == Thread.currentThread()) {
            try {
                int relayed = relayOnce();
                backOff = pollInterval;
                if (relayed == 0) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted() || worker != Thread.currentThread()) {
                    return;
                }
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
