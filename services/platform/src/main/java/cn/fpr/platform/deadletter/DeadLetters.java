package cn.fpr.platform.deadletter;

import cn.fpr.platform.messaging.ConsumerBindings;
import cn.fpr.platform.messaging.InboundEvents;
import cn.fpr.platform.messaging.KafkaClients;
import cn.fpr.platform.web.NotFoundException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The service's dead letters, for operators: which dead-letter topics its consumers have, what is
 * in them (the reason, where the record came from, the record itself), and replaying a record
 * through the consumer that failed it once the cause is fixed. A record is replayed at most once,
 * however often it is asked for; the consumers are idempotent besides.
 */
public class DeadLetters {

    private static final Duration POLL = Duration.ofMillis(500);

    /** A dead-letter topic of one of the service's consumer groups. */
    public record Topic(String topic, String originalTopic, String group, long records) {
    }

    /**
     * A dead letter: where it lies, why it is there, where it came from, and the record.
     *
     * @param payload the record's value as text
     */
    public record Letter(String topic, int partition, long offset, Instant deadAt, String key, String reason, String exception,
                         String originalTopic, Integer originalPartition, Long originalOffset, String eventType, String eventId,
                         String payload, Replay replayed) {
    }

    /**
     * A replay, kept so that the same dead letter is never applied twice by it.
     *
     * @param group   the consumer group that dead-lettered the record and has now applied it
     * @param binding the consumer binding that applied it
     */
    @Document("dead_letter_replays")
    public record Replay(@Id String id, String topic, int partition, long offset, String group, String binding, Instant at) {
    }

    /** A replayed dead letter its consumer failed again (the cause is not fixed yet). */
    public static final class ReplayFailed extends RuntimeException {
        ReplayFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A replay's answer: the first replay of the dead letter, or the earlier one. */
    public record Replayed(Replay replay, boolean first) {
    }

    private final ConfigurableEnvironment environment;
    private final ReactiveMongoTemplate mongo;
    private final KafkaClients kafka;
    private final BeanFactory functions;
    private final Clock clock;

    /**
     * @param functions where the consumer functions of the service's bindings are (the
     *                  application context)
     */
    public DeadLetters(ConfigurableEnvironment environment, ReactiveMongoTemplate mongo, KafkaClients kafka, BeanFactory functions,
                       Clock clock) {
        this.environment = environment;
        this.mongo = mongo;
        this.kafka = kafka;
        this.functions = functions;
        this.clock = clock;
    }

    /** The dead-letter topics of the service's consumers, with how many records each holds. */
    public Mono<List<Topic>> topics() {
        return Mono.fromCallable(() -> {
            List<Topic> topics = new ArrayList<>();
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                for (Map.Entry<String, ConsumerBindings.Binding> dead : deadLetterTopics().entrySet()) {
                    List<TopicPartition> partitions = partitions(consumer, dead.getKey());
                    long records = partitions.isEmpty() ? 0 : consumer.endOffsets(partitions).entrySet().stream()
                            .mapToLong(end -> end.getValue() - consumer.beginningOffsets(List.of(end.getKey())).get(end.getKey())).sum();
                    topics.add(new Topic(dead.getKey(), dead.getValue().destination(), dead.getValue().group(), records));
                }
            }
            return topics;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Up to {@code limit} dead letters of a topic from an offset on, oldest first. */
    public Mono<List<Letter>> read(String topic, int partition, long from, int limit) {
        return Mono.fromCallable(() -> {
            requireKnown(topic);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                TopicPartition where = new TopicPartition(topic, partition);
                if (partitions(consumer, topic).stream().noneMatch(where::equals)) {
                    throw new NotFoundException("no partition " + partition + " of " + topic);
                }
                consumer.assign(List.of(where));
                long end = consumer.endOffsets(List.of(where)).get(where);
                long start = Math.max(from, consumer.beginningOffsets(List.of(where)).get(where));
                consumer.seek(where, start);
                while (records.size() < limit && consumer.position(where) < end) {
                    consumer.poll(POLL).forEach(record -> {
                        if (records.size() < limit) {
                            records.add(record);
                        }
                    });
                }
            }
            return records;
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(records -> Flux.fromIterable(records)
                .concatMap(record -> mongo.findById(replayId(record.topic(), record.partition(), record.offset()), Replay.class)
                        .map(replay -> letter(record, replay)).defaultIfEmpty(letter(record, null)))
                .collectList());
    }

    /**
     * Applies the dead letter again through the consumer of the group that dead-lettered it, once
     * only. Nothing is written to Kafka: the record goes to the one consumer that failed it (the
     * other groups applied it already), and a service writes no topic but its own (the brokers'
     * access lists allow it no more). A replay that fails again is answered as such and may be
     * asked again later.
     */
    public Mono<Replayed> replay(String topic, int partition, long offset) {
        String id = replayId(topic, partition, offset);
        return mongo.findById(id, Replay.class).map(earlier -> new Replayed(earlier, false))
                .switchIfEmpty(Mono.defer(() -> reapply(topic, partition, offset)
                        .flatMap(replay -> mongo.insert(replay).map(saved -> new Replayed(saved, true))
                                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(id, Replay.class)
                                        .map(earlier -> new Replayed(earlier, false))))));
    }

    private Mono<Replay> reapply(String topic, int partition, long offset) {
        return Mono.fromCallable(() -> {
            Binding binding = binding(topic);
            ConsumerRecord<String, byte[]> record;
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                TopicPartition where = new TopicPartition(topic, partition);
                consumer.assign(List.of(where));
                consumer.seek(where, offset);
                record = null;
                for (int i = 0; i < 20 && record == null; i++) {
                    record = consumer.poll(POLL).records(where).stream().filter(r -> r.offset() == offset).findFirst().orElse(null);
                }
            }
            if (record == null) {
                throw new NotFoundException("no dead letter at " + topic + "/" + partition + "/" + offset);
            }
            MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value());
            for (Header header : record.headers()) {
                if (!header.key().startsWith("x-") && !header.key().startsWith("kafka_") && !header.key().equals("deliveryAttempt")) {
                    message.setHeader(header.key(), header.value());
                }
            }
            message.setHeader(KafkaHeaders.RECEIVED_KEY, record.key());
            try {
                binding.consumer().accept(message.build());
            } catch (RuntimeException e) {
                throw new ReplayFailed(topic + "/" + partition + "/" + offset + " failed again in " + binding.name() + ": " + reason(e.getMessage()), e);
            }
            return new Replay(replayId(topic, partition, offset), topic, partition, offset, binding.group(), binding.name(), clock.instant());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** A consumer binding of the service: its name, group and function (given one record). */
    private record Binding(String name, String group, Consumer<Message<byte[]>> consumer) {
    }

    @SuppressWarnings("unchecked")
    private Binding binding(String deadLetterTopic) {
        requireKnown(deadLetterTopic);
        ConsumerBindings.Binding where = deadLetterTopics().get(deadLetterTopic);
        String name = where.name();
        Object function = functions.getBean(name.substring(0, name.lastIndexOf("-in-")));
        if (where.batchMode()) {
            Consumer<Message<List<byte[]>>> batches = (Consumer<Message<List<byte[]>>>) function;
            return new Binding(name, where.group(), record -> batches.accept(InboundEvents.asBatch(record)));
        }
        return new Binding(name, where.group(), (Consumer<Message<byte[]>>) function);
    }

    /** The service's dead-letter topics: error.&lt;destination&gt;.&lt;group&gt; of each consumer binding. */
    Map<String, ConsumerBindings.Binding> deadLetterTopics() {
        Map<String, ConsumerBindings.Binding> topics = new TreeMap<>();
        ConsumerBindings.of(environment).all().forEach(binding -> topics.put(binding.deadLetterTopic(), binding));
        return topics;
    }

    private void requireKnown(String topic) {
        if (!deadLetterTopics().containsKey(topic)) {
            throw new NotFoundException("no dead-letter topic " + topic + " of this service");
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<PartitionInfo> info = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        return info == null ? List.of() : info.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static Letter letter(ConsumerRecord<String, byte[]> record, Replay replay) {
        return new Letter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()), record.key(),
                reason(text(record, "x-exception-message")), text(record, "x-exception-fqcn"), text(record, "x-original-topic"),
                number(record, "x-original-partition") == null ? null : number(record, "x-original-partition").intValue(),
                number(record, "x-original-offset"), text(record, "ce_type"), text(record, "ce_id"),
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8), replay);
    }

    /** The reason as the binder wrote it, without the name of its own message handler in front. */
    static String reason(String message) {
        return message == null ? null : message.replaceFirst("^error occurred in message handler \\[[^\\]]*\\]; ", "");
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Kafka's binder writes partition (int) and offset (long) headers as big-endian bytes. */
    private static Long number(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return null;
        }
        byte[] value = header.value();
        return value.length == 4 ? (long) ByteBuffer.wrap(value).getInt() : value.length == 8 ? ByteBuffer.wrap(value).getLong() : null;
    }

    private static String replayId(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(kafka.with(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters-" + UUID.randomUUID())),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
