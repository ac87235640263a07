package cn.fpr.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * A real Apache Kafka broker in KRaft mode (spring-kafka-test's {@link EmbeddedKafkaKraftBroker},
 * built from the Kafka Maven artifacts) and mongo-java-server, both inside the test JVM.
 */
final class EmbeddedInfrastructure implements TestInfrastructure {

    private static EmbeddedInfrastructure instance;

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final String mongoAddress;

    private EmbeddedInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0",
                "log.flush.interval.messages", String.valueOf(Long.MAX_VALUE)));
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new HelloAnsweringMemoryBackend());
        mongo.enableOplog();
        java.net.InetSocketAddress address = mongo.bind();
        mongoAddress = address.getHostString() + ":" + address.getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-infrastructure-stop"));
    }

    static synchronized EmbeddedInfrastructure instance() {
        if (instance == null) {
            instance = new EmbeddedInfrastructure();
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String mongoUri(String database) {
        return "mongodb://" + mongoAddress + "/" + database;
    }

    @Override
    public String description() {
        return "embedded Kafka (KRaft) at " + kafkaBootstrapServers() + ", mongo-java-server at " + mongoAddress;
    }

    private void stop() {
        mongo.shutdownNow();
        kafka.destroy();
    }
}
