package cn.fpr.platform.messaging;

import cn.fpr.contracts.KafkaCredentials;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's Kafka credentials, turned into the binder's client configuration (and so into
 * every {@link KafkaClients} client):
 * <ul>
 *   <li>{@code fpr.kafka.username} / {@code fpr.kafka.password} ({@code FPR_KAFKA_USERNAME},
 *       {@code FPR_KAFKA_PASSWORD}): the service's own Kafka user; without them the clients
 *       connect in plain text, as the local stack does on loopback;</li>
 *   <li>{@code fpr.kafka.security-protocol}: {@code SASL_PLAINTEXT} unless set
 *       ({@code SASL_SSL} where the listener has TLS, as on Kubernetes);</li>
 *   <li>{@code fpr.kafka.sasl-mechanism}: {@code SCRAM-SHA-512} unless set;</li>
 *   <li>{@code fpr.kafka.truststore}: a PEM file of the certificates to trust for TLS (the
 *       cluster's CA), if any.</li>
 * </ul>
 * Settings given directly under {@code spring.cloud.stream.kafka.binder.configuration} win.
 */
public final class KafkaSecurity {

    static final String SOURCE = "fpr-kafka-security";
    private static final String DEFAULTS = "fpr-platform-defaults";

    /**
     * Adds the client settings derived from the credentials, below every configured source (call
     * it after the platform's defaults are added; the defaults of the settings above are there).
     */
    public static void apply(ConfigurableEnvironment environment) {
        String username = environment.getProperty("fpr.kafka.username");
        if (username == null || username.isBlank()) {
            return;
        }
        String password = environment.getProperty("fpr.kafka.password");
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException("fpr.kafka.username is set (" + username + ") but fpr.kafka.password is not");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        String prefix = KafkaClients.CONFIGURATION + ".";
        KafkaCredentials.clientSettings(username, password, environment.getProperty("fpr.kafka.security-protocol", "SASL_PLAINTEXT"),
                environment.getProperty("fpr.kafka.sasl-mechanism", KafkaCredentials.MECHANISM))
                .forEach((name, value) -> settings.put(prefix + name, value));
        String truststore = environment.getProperty("fpr.kafka.truststore");
        if (truststore != null && !truststore.isBlank()) {
            settings.put(prefix + "ssl.truststore.type", "PEM");
            settings.put(prefix + "ssl.truststore.location", truststore);
        }
        MapPropertySource derived = new MapPropertySource(SOURCE, settings);
        if (environment.getPropertySources().contains(DEFAULTS)) {
            environment.getPropertySources().addBefore(DEFAULTS, derived);
        } else {
            environment.getPropertySources().addLast(derived);
        }
    }

    private KafkaSecurity() {
    }
}
