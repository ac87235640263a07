package cn.fpr.testsupport;

import org.testcontainers.DockerClientFactory;

import java.util.Locale;

/**
 * Chooses the test infrastructure. Set {@code fpr.test.infrastructure} (system property) or
 * {@code FPR_TEST_INFRASTRUCTURE} (environment) to {@code embedded}, {@code containers} or
 * {@code auto} (the default: containers when a Docker engine answers, embedded otherwise).
 */
public enum InfrastructureMode {
    /** Apache Kafka (KRaft) from its Maven artifacts and mongo-java-server, inside the test JVM. */
    EMBEDDED,
    /** Testcontainers' Kafka and MongoDB containers. */
    CONTAINERS;

    public static final String PROPERTY = "fpr.test.infrastructure";
    public static final String ENVIRONMENT = "FPR_TEST_INFRASTRUCTURE";

    private static volatile Boolean dockerAvailable;

    public static InfrastructureMode selected() {
        return switch (requested()) {
            case "embedded" -> EMBEDDED;
            case "containers" -> CONTAINERS;
            case "auto" -> dockerAvailable() ? CONTAINERS : EMBEDDED;
            default -> throw new IllegalStateException(
                    PROPERTY + " must be auto, embedded or containers, not '" + requested() + "'");
        };
    }

    /** Whether a Docker engine answers; asked once per JVM. */
    public static boolean dockerAvailable() {
        if (dockerAvailable == null) {
            dockerAvailable = isDockerReachable();
        }
        return dockerAvailable;
    }

    private static boolean isDockerReachable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String requested() {
        String value = System.getProperty(PROPERTY, System.getenv().getOrDefault(ENVIRONMENT, "auto"));
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
