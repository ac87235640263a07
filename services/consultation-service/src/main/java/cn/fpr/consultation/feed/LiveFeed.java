package cn.fpr.consultation.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fans the feed out to the dashboards connected to this instance. Every instance reads the
 * same feed from the store, in sequence order, and hands each new entry to each client whose
 * filters it passes. Each client has its own bounded buffer, so a client that stops reading never
 * slows another: when its buffer is full it is disconnected (and counted), and when it reconnects
 * with the last event ID it saw it resumes from the store, missing nothing still retained.
 */
@Service
public class LiveFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    /** A connected client: its buffer, its filters, and the switch that disconnects it. */
    private record Client(Sinks.Many<FeedEntry> buffer, Sinks.Empty<Void> disconnect, Set<String> regionCodes, Set<String> types) {
    }

    /** What the feed is doing, for operators. */
    public record Stats(int clients, long lastDelivered, double slowClientsDisconnected) {
    }

    private final FeedStore store;
    private final LiveFeedProperties properties;
    private final Counter slowDisconnects;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong delivered = new AtomicLong();
    private volatile long gapSince = -1;
    private volatile Disposable loop;
    private volatile Disposable trimming;

    LiveFeed(FeedStore store, LiveFeedProperties properties, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.slowDisconnects = Counter.builder("fpr.consultation.sse.slow-clients-disconnected")
                .description("live-feed clients disconnected because they stopped reading and their buffer filled").register(meters);
    }

    /**
     * The feed for one client: what it missed since {@code lastEventId} (all that is retained when
     * the ID is no longer known; nothing when there is none), then what comes, filtered.
     */
    public Flux<FeedEntry> stream(Set<String> regionCodes, Set<String> types, String lastEventId) {
        return Flux.defer(() -> {
            Client client = new Client(Sinks.many().unicast().onBackpressureBuffer(
                    Queues.<FeedEntry>get(properties.clientBuffer()).get()), Sinks.empty(), regionCodes, types);
            clients.add(client);
            long upTo = delivered.get();
            Mono<Long> from = lastEventId == null || lastEventId.isBlank() ? Mono.just(upTo)
                    : store.seqOf(lastEventId).defaultIfEmpty(0L);
            AtomicLong lastSent = new AtomicLong(-1);
            Flux<FeedEntry> missed = from.flatMapMany(seq -> catchUp(seq, upTo))
                    .filter(entry -> entry.matches(regionCodes, types));
            return Flux.concat(missed, client.buffer().asFlux())
                    .filter(entry -> entry.seq() > lastSent.get())
                    .doOnNext(entry -> lastSent.set(entry.seq()))
                    .takeUntilOther(client.disconnect().asMono())
                    .doFinally(signal -> clients.remove(client));
        });
    }

    public Stats stats() {
        return new Stats(clients.size(), delivered.get(), slowDisconnects.count());
    }

    /** Reads the entries after {@code from} up to {@code upTo}, a page at a time. */
    private Flux<FeedEntry> catchUp(long from, long upTo) {
        int page = properties.catchUpPage();
        return store.after(from, page).collectList()
                .expand(entries -> entries.size() < page || entries.get(entries.size() - 1).seq() >= upTo ? Mono.empty()
                        : store.after(entries.get(entries.size() - 1).seq(), page).collectList())
                .flatMapIterable(entries -> entries)
                .takeWhile(entry -> entry.seq() <= upTo);
    }

    /** Hands the new entries, in sequence, to the clients; waits a little for a missing number before passing over it. */
    /** Delivers what was appended since the last look: the feed's counter first, the entries only when it moved. */
    Mono<Void> deliverNew() {
        long from = delivered.get();
        return store.last().filter(last -> last > from)
                .flatMap(last -> store.between(from, Math.min(last, from + 500)).collectList())
                .doOnNext(this::deliver).then();
    }

    private void deliver(List<FeedEntry> entries) {
        for (FeedEntry entry : entries) {
            long expected = delivered.get() + 1;
            if (entry.seq() != expected) {
                long now = System.nanoTime();
                if (gapSince < 0) {
                    gapSince = now;
                }
                if (now - gapSince < properties.gapWait().toNanos()) {
                    return;    // an earlier entry may still be being written
                }
                log.debug("feed entries {} to {} never appeared; passing over them", expected, entry.seq() - 1);
            }
            gapSince = -1;
            delivered.set(entry.seq());
            for (Client client : clients) {
                if (entry.matches(client.regionCodes(), client.types())) {
                    offer(client, entry);
                }
            }
        }
    }

    private void offer(Client client, FeedEntry entry) {
        Sinks.EmitResult result = client.buffer().tryEmitNext(entry);
        if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
            clients.remove(client);
            slowDisconnects.increment();
            client.disconnect().tryEmitEmpty();
        }
    }

    @Override
    public void start() {
        delivered.set(store.last().blockOptional(Duration.ofSeconds(30)).orElse(0L));
        loop = Flux.interval(properties.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> deliverNew().onErrorResume(e -> {
                    log.warn("reading the feed failed: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
        trimming = Flux.interval(Duration.ofMinutes(1))
                .concatMap(tick -> store.trim(properties.retained()).onErrorResume(e -> Mono.empty()), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        for (Disposable running : new Disposable[] {loop, trimming}) {
            if (running != null) {
                running.dispose();
            }
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
