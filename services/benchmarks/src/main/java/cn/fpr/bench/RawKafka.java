package cn.fpr.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * The broker's own pace with nothing of ours in between: a plain kafka-clients consumer reading
 * records of a given size and producing each to another topic (acks=all, idempotent producer),
 * committing a batch's offsets only when all its records are acknowledged (at least once).
 */
final class RawKafka {

    private final String brokers;

    RawKafka(String brokers) {
        this.brokers = brokers;
    }

    /** Records a second consumed, produced and committed. */
    double consumeProduce(int records, int recordSize, int partitions) throws InterruptedException, ExecutionException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String in = "bench.raw.in." + run;
        String out = "bench.raw.out." + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(in, partitions, (short) 1), new NewTopic(out, partitions, (short) 1))).all().get();
            awaitLeaders(admin, List.of(in, out));
        }
        byte[] value = new byte[recordSize];
        new Random(7).nextBytes(value);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(in, "hh-" + (i % 1000), value));
            }
            producer.flush();
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer("bench-raw-" + run); KafkaProducer<String, byte[]> producer = producer()) {
            consumer.subscribe(List.of(in));
            long consumed = 0;
            long start = 0;
            while (consumed < records) {
                var batch = consumer.poll(Duration.ofMillis(200));
                if (batch.isEmpty()) {
                    continue;
                }
                if (start == 0) {
                    start = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> record : batch) {
                    producer.send(new ProducerRecord<>(out, record.key(), record.value()));
                }
                producer.flush();
                consumer.commitSync();
                consumed += batch.count();
            }
            return consumed / ((System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Waits until every partition of new topics has a leader: an idempotent producer that starts
     * sending before then can get stuck retrying out-of-order sequence numbers.
     */
    private static void awaitLeaders(Admin admin, List<String> topics) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean led = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .allMatch(topic -> topic.partitions().stream().allMatch(partition -> partition.leader() != null));
            if (led) {
                Thread.sleep(1000);
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the topics " + topics + " have no leaders after 30 s");
    }

    KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    }

    KafkaConsumer<String, byte[]> consumer(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500), new StringDeserializer(), new ByteArrayDeserializer());
    }
}
