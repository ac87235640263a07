package cn.fpr.consultation.projection;

import cn.fpr.platform.messaging.KafkaClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Rebuilds the read models from the topics: stops the consumers, empties the read models, moves
 * the consumer group back to the start of every topic, and starts the consumers again, which
 * then apply every retained event through the same code as live ones. Done when the group has
 * caught up with the ends of the topics. (The live feed is a log, not a read model: it is kept.)
 */
@Service
public class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    /** The steps of a rebuild; IDLE when none runs, FAILED when the last one could not rewind (the read models were kept). */
    public enum Phase { IDLE, STOPPING, REWINDING, EMPTYING, REPLAYING, FAILED }

    /**
     * Where a rebuild stands.
     *
     * @param eventsBehind events still to apply across every topic (while replaying)
     * @param problem      why the last rebuild failed, if it did
     */
    public record Status(Phase phase, boolean rebuilding, long eventsBehind, Instant startedAt, String problem) {
    }

    private final BindingsLifecycleController bindings;
    private final ReactiveMongoTemplate mongo;
    private final Environment environment;
    private final KafkaClients kafka;
    private final Clock clock;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.IDLE);
    private volatile Instant startedAt;
    private volatile String problem;

    Rebuild(BindingsLifecycleController bindings, ReactiveMongoTemplate mongo, Environment environment,
            KafkaClients kafka, Clock clock) {
        this.bindings = bindings;
        this.mongo = mongo;
        this.environment = environment;
        this.kafka = kafka;
        this.clock = clock;
    }

    /**
     * Starts a rebuild, unless one is running, and answers at once; it goes on in the background.
     * The read models are emptied only once the consumer group has been rewound, so a rebuild that
     * cannot rewind (another instance still in the group) leaves them as they were.
     */
    public Mono<Status> start() {
        Phase current = phase.get();
        boolean idle = current == Phase.IDLE || current == Phase.FAILED;
        if (!idle || !phase.compareAndSet(current, Phase.STOPPING)) {
            return status();
        }
        startedAt = clock.instant();
        problem = null;
        Schedulers.boundedElastic().schedule(this::run);
        return status();
    }

    /** Events applied before this, while a rebuild replays, are history: not news for the live feed. */
    public Instant replayingHistoryBefore() {
        Phase current = phase.get();
        return current == Phase.EMPTYING || current == Phase.REPLAYING ? startedAt : null;
    }

    /** Where the rebuild stands; a replay that has caught up ends it. */
    public Mono<Status> status() {
        return Mono.fromCallable(() -> {
            long behind = phase.get() == Phase.REPLAYING ? lag() : 0;
            if (behind == 0) {
                phase.compareAndSet(Phase.REPLAYING, Phase.IDLE);
            }
            Phase now = phase.get();
            return new Status(now, now != Phase.IDLE && now != Phase.FAILED, behind, startedAt, problem);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private void run() {
        try {
            ProjectionBindings.BINDINGS.forEach(name -> bindings.changeState(name, BindingsLifecycleController.State.STOPPED));
            phase.set(Phase.REWINDING);
            rewindGroup();
            phase.set(Phase.EMPTYING);
            Flux.fromIterable(Rows.ALL).concatMap(type -> mongo.remove(new Query(), type)).then().block(Duration.ofMinutes(10));
            phase.set(Phase.REPLAYING);
            log.info("read models emptied and the consumer group rewound; replaying the topics");
        } catch (RuntimeException e) {
            problem = e.getMessage();
            phase.set(Phase.FAILED);
            log.warn("rebuild failed, read models kept: {}", e.getMessage());
        } finally {
            ProjectionBindings.BINDINGS.forEach(name -> bindings.changeState(name, BindingsLifecycleController.State.STARTED));
        }
    }

    /** Moves the group to the start of every topic; retried while its stopped consumers leave it. */
    private void rewindGroup() {
        Exception last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try (Admin admin = admin()) {
                List<TopicPartition> partitions = partitions(admin);
                Map<TopicPartition, OffsetAndMetadata> earliest = offsets(admin, partitions, OffsetSpec.earliest()).entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
                admin.alterConsumerGroupOffsets(group(), earliest).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rewinding the consumer group", e);
            } catch (Exception e) {
                last = e;
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
        }
        throw new IllegalStateException("could not rewind consumer group " + group() + " (is another instance still consuming?): "
                + (last == null ? "" : last.getMessage()), last);
    }

    private long lag() throws Exception {
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = partitions(admin);
            Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group())
                    .partitionsToOffsetAndMetadata().get();
            return partitions.stream().mapToLong(partition -> {
                OffsetAndMetadata at = committed.get(partition);
                return ends.get(partition) - (at == null ? 0 : at.offset());
            }).sum();
        }
    }

    private List<TopicPartition> partitions(Admin admin) throws Exception {
        List<String> topics = ProjectionBindings.BINDINGS.stream()
                .map(name -> environment.getRequiredProperty("spring.cloud.stream.bindings." + name + ".destination")).toList();
        return admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .toList();
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all().get();
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private String group() {
        return environment.getRequiredProperty("spring.cloud.stream.bindings." + ProjectionBindings.BINDINGS.get(0) + ".group");
    }

    private Admin admin() {
        return Admin.create(kafka.with(Map.of()));
    }
}
