package cn.fpr.testsupport;

import cn.fpr.store.StoreBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * A real Apache Kafka broker in KRaft mode (spring-kafka-test's {@link EmbeddedKafkaKraftBroker},
 * built from the Kafka Maven artifacts) and mongo-java-server ({@link StoreBackend}, in memory), both
 * inside the test JVM.
 */
public final class EmbeddedInfrastructure implements TestInfrastructure {

    private static EmbeddedInfrastructure instance;

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final String mongoAddress;

    private EmbeddedInfrastructure(int mongoPort) {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0",
                "log.flush.interval.messages", String.valueOf(Long.MAX_VALUE)));
        kafka.afterPropertiesSet();
        mongo = new MongoServer(StoreBackend.inMemory());
        mongo.bind("127.0.0.1", mongoPort);
        java.net.InetSocketAddress address = mongo.getLocalAddress();
        mongoAddress = address.getHostString() + ":" + address.getPort();
    }

    static synchronized EmbeddedInfrastructure instance() {
        if (instance == null) {
            instance = new EmbeddedInfrastructure(0);
        }
        return instance;
    }

    /**
     * Starts a broker (on a free port; see {@link #kafkaBootstrapServers()}) and a store on the given
     * port (0: any free port). Tests leave them running
     * until the JVM exits, so no client sees the broker go before its application context closes.
     */
    public static EmbeddedInfrastructure start(int mongoPort) {
        return new EmbeddedInfrastructure(mongoPort);
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

    /** Stops the store and the broker; call after the services that use them have stopped. */
    public void stop() {
        mongo.shutdownNow();
        kafka.destroy();
    }
}
