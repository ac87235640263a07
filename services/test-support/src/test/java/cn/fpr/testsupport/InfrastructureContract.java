package cn.fpr.testsupport;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What every test of the project relies on from the infrastructure, whichever kind runs: the
 * same assertions run on the embedded pair here and on containers where Docker exists.
 */
abstract class InfrastructureContract {

    abstract TestInfrastructure infrastructure();

    @Test
    void a_record_acknowledged_by_all_replicas_is_read_back_in_order_per_key() throws Exception {
        String topic = "infra-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, "hh-1", "event-" + i)).get();
            }
        }
        List<String> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "infra-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<String, String> r) -> received.add(r.value()));
                return received.size() >= 5;
            });
        }
        assertThat(received).containsExactly("event-0", "event-1", "event-2", "event-3", "event-4");
    }

    @Test
    void the_store_enforces_unique_indexes_and_answers_the_hello_handshake() {
        try (MongoClient client = MongoClients.create(infrastructure().mongoUri("infra_test"))) {
            MongoCollection<Document> households = client.getDatabase("infra_test").getCollection("households-" + UUID.randomUUID());
            households.createIndex(Indexes.ascending("idHash"), new IndexOptions().unique(true));
            households.insertOne(new Document("idHash", "abc"));

            assertThatThrownBy(() -> households.insertOne(new Document("idHash", "abc")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThat(client.getDatabase("admin").runCommand(new Document("hello", 1)).get("isWritablePrimary"))
                    .isEqualTo(Boolean.TRUE);
        }
    }
}
