package cn.fpr.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.HashMap;
import java.util.Map;

/** The properties that point a service at the shared test infrastructure and make it trust the tests' tokens. */
public final class InfrastructureProperties {

    /** For {@code @DynamicPropertySource}: a service with its own database on the shared broker and store. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        of(database).forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The same as a map, for services started with {@code SpringApplicationBuilder}. */
    public static Map<String, Object> of(String database) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.mongodb.uri", infrastructure.mongoUri(database),
                "spring.cloud.stream.kafka.binder.brokers", infrastructure.kafkaBootstrapServers(),
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers()));
        properties.putAll(trustingTestTokens());
        return Map.copyOf(properties);
    }

    /** The services trust the tests' token key ({@link TestTokens}) instead of a token issuer's. */
    public static Map<String, Object> trustingTestTokens() {
        return Map.of("fpr.security.public-key", TestTokens.publicKeyPem(), "fpr.security.issuer", TestTokens.ISSUER,
                "fpr.security.jwk-set-uri", "");
    }

    private InfrastructureProperties() {
    }
}
