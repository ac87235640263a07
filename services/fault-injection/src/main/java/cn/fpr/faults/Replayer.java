package cn.fpr.faults;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers a share of the services' own events twice: 5% of what employment and industry publish
 * about households (placements, loans, dividends) and of what monitoring publishes (cases, flags)
 * is copied back onto its topic, same key, headers and payload, as a replay after an incident
 * would. Every consumer must apply each of them once.
 */
final class Replayer {

    static final double SHARE = 0.05;
    static final List<String> TOPICS = List.of(Topics.LABOUR.name(), Topics.HOUSEHOLD_SUPPORT.name(), Topics.HOUSEHOLD.name());

    private final String brokers;
    private final Random random;
    private final AtomicLong replayed = new AtomicLong();

    Replayer(String brokers, Random random) {
        this.brokers = brokers;
        this.random = random;
    }

    void run(AtomicBoolean driving) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                     ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000,
                     ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000), new StringSerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> info = consumer.partitionsFor(topic, Duration.ofMinutes(5));
                info.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Set<String> seen = new HashSet<>();
            while (driving.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(2))) {
                    // each event is considered once: its copies (same ID) come round again and are not copied again
                    Header id = record.headers().lastHeader(CloudEventHeaders.ID);
                    if (id == null || !seen.add(new String(id.value(), StandardCharsets.UTF_8)) || random.nextDouble() >= SHARE) {
                        continue;
                    }
                    ProducerRecord<String, byte[]> copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
                    record.headers().forEach(header -> copy.headers().add(header));
                    producer.send(copy);
                    replayed.incrementAndGet();
                }
            }
            producer.flush();
        } catch (RuntimeException e) {
            FaultRun.log("replaying stopped: %s", e);
            throw e;
        }
    }

    long replayed() {
        return replayed.get();
    }
}
