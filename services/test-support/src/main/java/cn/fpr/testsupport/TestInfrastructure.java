package cn.fpr.testsupport;

/**
 * A real Kafka broker and a MongoDB-wire store, started once per test JVM and shared by every
 * test in it. Which kind is chosen in one place: {@link InfrastructureMode}.
 */
public interface TestInfrastructure {

    /** Kafka bootstrap servers, e.g. {@code 127.0.0.1:40123}. */
    String kafkaBootstrapServers();

    /** A connection string for the given database. */
    String mongoUri(String database);

    /** What runs, for logs and reports. */
    String description();

    /** The infrastructure the mode selects, started on first use and stopped when the JVM exits. */
    static TestInfrastructure shared() {
        return switch (InfrastructureMode.selected()) {
            case EMBEDDED -> EmbeddedInfrastructure.instance();
            case CONTAINERS -> ContainerInfrastructure.instance();
        };
    }
}
