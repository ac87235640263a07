package cn.fpr.consultation.projection;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /** Where a rebuild stands: events still to apply across every topic. */
    public record Status(boolean rebuilding, long eventsBehind) {
    }

    private final BindingsLifecycleController bindings;
    private final ReactiveMongoTemplate mongo;
    private final Environment environment;
    private final String brokers;
    private final AtomicBoolean running = new AtomicBoolean();

    Rebuild(BindingsLifecycleController bindings, ReactiveMongoTemplate mongo, Environment environment,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        this.bindings = bindings;
        this.mongo = mongo;
        this.environment = environment;
        this.brokers = brokers;
    }

    /** Starts a rebuild, unless one is running. */
    public Mono<Status> start() {
        if (!running.compareAndSet(false, true)) {
            return status();
        }
        return Mono.fromRunnable(() -> ProjectionBindings.BINDINGS.forEach(name ->
                        bindings.changeState(name, BindingsLifecycleController.State.STOPPED)))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Flux.fromIterable(Rows.ALL).concatMap(type -> mongo.remove(new Query(), type)).then())
                .then(Mono.fromRunnable(this::rewindGroup).subscribeOn(Schedulers.boundedElastic())
                        .retryWhen(Retry.backoff(10, Duration.ofMillis(500))))
                .doFinally(signal -> {
                    ProjectionBindings.BINDINGS.forEach(name -> bindings.changeState(name, BindingsLifecycleController.State.STARTED));
                    log.info("read models emptied and the consumer group rewound; replaying the topics");
                })
                .then(status());
    }

    /** Whether a rebuild is catching up, and by how many events. */
    public Mono<Status> status() {
        return Mono.fromCallable(() -> {
            long behind = lag();
            if (behind == 0) {
                running.set(false);
            }
            return new Status(running.get(), behind);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private void rewindGroup() {
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = partitions(admin);
            Map<TopicPartition, OffsetAndMetadata> earliest = offsets(admin, partitions, OffsetSpec.earliest()).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
            admin.alterConsumerGroupOffsets(group(), earliest).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not rewind the consumer group: " + e.getMessage(), e);
        }
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
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }
}
