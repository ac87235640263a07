package cn.fpr.platform.messaging;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings every Kafka client of a service starts from: the binder's brokers and the binder's
 * client configuration ({@code spring.cloud.stream.kafka.binder.configuration.*}, where the
 * security protocol and credentials are; see {@link KafkaSecurity}). The binder uses them for its
 * own clients; the outbox relay, the dead-letter tooling and the projection rebuild build theirs
 * from here, so no client of a service connects differently from the others.
 */
public final class KafkaClients {

    static final String BROKERS = "spring.cloud.stream.kafka.binder.brokers";
    static final String CONFIGURATION = "spring.cloud.stream.kafka.binder.configuration";

    private final Map<String, Object> common;

    public KafkaClients(String brokers, Map<String, String> configuration) {
        Map<String, Object> settings = new LinkedHashMap<>(configuration);
        settings.put("bootstrap.servers", brokers);
        this.common = Map.copyOf(settings);
    }

    public static KafkaClients of(Environment environment) {
        Map<String, String> configuration = Binder.get(environment)
                .bind(CONFIGURATION, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        return new KafkaClients(environment.getProperty(BROKERS, "localhost:9092"), configuration);
    }

    /** The common settings with a client's own on top. */
    public Map<String, Object> with(Map<String, ?> own) {
        Map<String, Object> settings = new LinkedHashMap<>(common);
        settings.putAll(own);
        return settings;
    }

    public String brokers() {
        return (String) common.get("bootstrap.servers");
    }
}
