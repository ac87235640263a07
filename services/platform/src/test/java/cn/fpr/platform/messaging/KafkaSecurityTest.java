package cn.fpr.platform.messaging;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaSecurityTest {

    @Test
    void a_service_with_kafka_credentials_connects_every_client_with_scram_over_sasl() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.kafka.binder.brokers", "kafka:9092")
                .withProperty("fpr.kafka.username", "monitoring-service")
                .withProperty("fpr.kafka.password", "s3cret\"with\\quote");
        KafkaSecurity.apply(environment);

        KafkaClients clients = KafkaClients.of(environment);
        assertThat(clients.with(Map.of("client.id", "x")))
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"monitoring-service\" password=\"s3cret\\\"with\\\\quote\";")
                .containsEntry("client.id", "x");
    }

    @Test
    void on_a_tls_listener_the_cluster_certificate_is_trusted_from_a_pem_file() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("fpr.kafka.username", "industry-service")
                .withProperty("fpr.kafka.password", "p")
                .withProperty("fpr.kafka.security-protocol", "SASL_SSL")
                .withProperty("fpr.kafka.truststore", "/etc/fpr/kafka-ca/ca.crt");
        KafkaSecurity.apply(environment);

        assertThat(KafkaClients.of(environment).with(Map.of()))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/etc/fpr/kafka-ca/ca.crt");
    }

    @Test
    void settings_given_to_the_binder_directly_win_over_those_derived_from_the_credentials() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("fpr.kafka.username", "employment-service")
                .withProperty("fpr.kafka.password", "p")
                .withProperty("spring.cloud.stream.kafka.binder.configuration.sasl.mechanism", "SCRAM-SHA-256");
        KafkaSecurity.apply(environment);

        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.configuration.sasl.mechanism")).isEqualTo("SCRAM-SHA-256");
    }

    @Test
    void without_credentials_the_clients_connect_in_plain_text_as_on_the_local_loopback() {
        MockEnvironment environment = new MockEnvironment();
        KafkaSecurity.apply(environment);

        assertThat(KafkaClients.of(environment).with(Map.of()))
                .containsOnlyKeys("bootstrap.servers")
                .containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void a_user_without_a_password_stops_the_service_at_start_naming_the_setting() {
        MockEnvironment environment = new MockEnvironment().withProperty("fpr.kafka.username", "cooperation-service");

        assertThatThrownBy(() -> KafkaSecurity.apply(environment)).hasMessageContaining("fpr.kafka.password");
    }
}
