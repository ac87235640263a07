package cn.fpr.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Apache Kafka (KRaft) and MongoDB (single-node replica set) in containers, for machines with a
 * Docker engine. Same contract as the embedded pair, so every test body runs unchanged on it.
 * Testcontainers removes the containers when the JVM exits.
 */
final class ContainerInfrastructure implements TestInfrastructure {

    static final String KAFKA_IMAGE = "apache/kafka-native:4.1.2";
    static final String MONGO_IMAGE = "mongo:8.0";

    private static ContainerInfrastructure instance;

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private ContainerInfrastructure() {
        if (!InfrastructureMode.dockerAvailable()) {
            throw new IllegalStateException("containers were asked for, but no Docker engine answers");
        }
        kafka = new KafkaContainer(KAFKA_IMAGE);
        mongo = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();
        kafka.start();
        mongo.start();
    }

    static synchronized ContainerInfrastructure instance() {
        if (instance == null) {
            instance = new ContainerInfrastructure();
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri(String database) {
        return mongo.getReplicaSetUrl(database);
    }

    @Override
    public String description() {
        return "Testcontainers " + KAFKA_IMAGE + " and " + MONGO_IMAGE;
    }
}
