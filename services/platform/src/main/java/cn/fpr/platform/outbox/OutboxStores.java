package cn.fpr.platform.outbox;

import cn.fpr.platform.OutboxProperties;
import cn.fpr.platform.audit.AuditTrail;
import cn.fpr.platform.messaging.KafkaClients;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Builds the relay from the service's MongoDB template and the binder's client settings. */
public final class OutboxStores {

    public static OutboxRelay relay(ReactiveMongoTemplate mongo, Supplier<List<String>> collections, KafkaClients kafka,
                                    OutboxProperties properties, AuditTrail trail) {
        return new OutboxRelay(new MongoOutboxStore(mongo, collections), new AuditRouting(publisher(kafka, properties), trail),
                properties.pollInterval(), properties.scanInterval(), properties.batchSize(), properties.relayEnabled());
    }

    /** Also used by tests to stand in for a relay that crashes between publishing and removing. */
    public static OutboxStore store(ReactiveMongoTemplate mongo, Supplier<List<String>> collections) {
        return new MongoOutboxStore(mongo, collections);
    }

    public static OutboxPublisher publisher(KafkaClients kafka, OutboxProperties properties) {
        return new KafkaOutboxPublisher(new KafkaTemplate<>(producerFactory(kafka, properties)), properties.publishTimeout());
    }

    private static DefaultKafkaProducerFactory<String, byte[]> producerFactory(KafkaClients kafka, OutboxProperties properties) {
        return new DefaultKafkaProducerFactory<>(kafka.with(Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.publishTimeout().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(15_000, (int) properties.publishTimeout().toMillis()),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
    }

    private OutboxStores() {
    }
}
