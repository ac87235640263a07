package cn.fpr.contracts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a client signs in to the brokers of a secured deployment: SASL with SCRAM-SHA-512 as its own
 * Kafka user (a service, or the departmental systems), over TLS where the listener has it. What
 * each user may then do is in deploy/kafka/access.tsv.
 */
public final class KafkaCredentials {

    public static final String MECHANISM = "SCRAM-SHA-512";

    /**
     * The client settings for a user.
     *
     * @param protocol {@code SASL_PLAINTEXT}, or {@code SASL_SSL} on a TLS listener
     */
    public static Map<String, String> clientSettings(String username, String password, String protocol, String mechanism) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("security.protocol", protocol);
        settings.put("sasl.mechanism", mechanism);
        settings.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + escape(username) + "\" password=\"" + escape(password) + "\";");
        return settings;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private KafkaCredentials() {
    }
}
