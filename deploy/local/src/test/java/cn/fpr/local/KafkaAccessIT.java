package cn.fpr.local;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.Department;
import cn.fpr.contracts.EventCatalogue;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.KafkaCredentials;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.Topic;
import cn.fpr.contracts.Topics;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.store.StoreServer;
import cn.fpr.testsupport.InfrastructureProperties;
import cn.fpr.testsupport.ServiceIntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The brokers as docker-compose.yml secures them, on a real Kafka broker (KRaft, its own process):
 * its security settings are taken from the compose file, the users and ACLs from
 * deploy/kafka/access.tsv, applied as the admin user. Each user may do exactly what the list says,
 * a wrong password gets nothing, and a service runs with no more than its own rights.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class KafkaAccessIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();

    private final Path home = Path.of("target/kafka-access-it").toAbsolutePath();
    private final List<Process> processes = new ArrayList<>();
    private KafkaAccessList access;
    private int clientsPort;
    private int adminPort;

    @BeforeAll
    void startSecuredBroker() throws Exception {
        LocalStack.deleteHome(home);
        Files.createDirectories(home.resolve("logs"));
        access = KafkaAccessList.read(ROOT);
        clientsPort = LocalStack.freePort();
        adminPort = LocalStack.freePort();
        int controllerPort = LocalStack.freePort();

        Map<String, String> config = composeBrokerSettings();
        config.put("listeners", "CLIENTS://localhost:" + clientsPort + ",ADMIN://localhost:" + adminPort
                + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "CLIENTS://localhost:" + clientsPort + ",ADMIN://localhost:" + adminPort);
        config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.put("log.dirs", home.resolve("kafka").toString());
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        Path file = home.resolve("server.properties");
        StringBuilder properties = new StringBuilder();
        config.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
        Files.writeString(file, properties);

        Process format = process("kafka-format", "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", file.toString());
        assertThat(format.waitFor(60, TimeUnit.SECONDS) && format.exitValue() == 0).as("storage formatted; see " + home.resolve("logs")).isTrue();
        process("kafka", "kafka.Kafka", file.toString());

        try (Admin admin = Admin.create(adminSettings())) {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == 1);
            List<UserScramCredentialUpsertion> credentials = access.users().stream()
                    .map(user -> new UserScramCredentialUpsertion(user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password(user)))
                    .map(UserScramCredentialUpsertion.class::cast).toList();
            admin.alterUserScramCredentials(new ArrayList<>(credentials)).all().get(30, TimeUnit.SECONDS);
            for (String topic : access.topics()) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            admin.createAcls(access.grants().stream().map(KafkaAccessList.Grant::binding).toList()).all().get(30, TimeUnit.SECONDS);
        }
        // credentials and ACLs reach the broker's metadata cache shortly after they are committed
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (KafkaProducer<String, byte[]> producer = producer("department-systems", password("department-systems"))) {
                producer.send(new ProducerRecord<>(Topics.DEPARTMENT_SIGNALS.name(), "warm-up", new byte[0])).get(10, TimeUnit.SECONDS);
                return true;
            }
        });
    }

    @AfterAll
    void stop() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }

    @Test
    void each_user_may_write_exactly_the_topics_the_access_list_gives_it() {
        for (String user : access.users()) {
            try (KafkaProducer<String, byte[]> producer = producer(user, password(user))) {
                for (Topic topic : Topics.ALL) {
                    boolean allowed = access.granted(user, "Write", "topic").contains(topic.name());
                    assertThat(writes(producer, topic.name())).as(user + " writing " + topic.name()).isEqualTo(allowed);
                }
            }
        }
        assertThat(access.granted("monitoring-service", "Write", "topic")).contains(Topics.HOUSEHOLD.name())
                .doesNotContain(Topics.LABOUR.name(), Topics.DEPARTMENT_SIGNALS.name());
    }

    @Test
    void a_service_reads_what_it_consumes_only_in_its_own_consumer_groups() {
        assertThat(firstPoll("consultation-service", "consultation-service", Topics.DEPARTMENT_SIGNALS.name())).isEmpty();
        assertThat(firstPoll("monitoring-service", "monitoring-service-rebuild", Topics.DEPARTMENT_SIGNALS.name())).isEmpty();
        assertThat(firstPoll("monitoring-service", "industry-service", Topics.DEPARTMENT_SIGNALS.name()))
                .containsInstanceOf(GroupAuthorizationException.class);
        assertThat(firstPoll("monitoring-service", "monitoring-service", Topics.PROJECT.name()))
                .containsInstanceOf(TopicAuthorizationException.class);
        assertThat(firstPoll("department-systems", "department-systems", Topics.DEPARTMENT_SIGNALS.name())).isPresent();
    }

    @Test
    void a_wrong_password_or_an_unknown_user_gets_nothing() {
        for (Map.Entry<String, String> user : Map.of("monitoring-service", "not-its-password", "intruder", "anything").entrySet()) {
            try (KafkaProducer<String, byte[]> producer = producer(user.getKey(), user.getValue())) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.HOUSEHOLD.name(), "k", new byte[0])).get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        }
    }

    @Test
    void a_service_runs_with_its_own_rights_only_publishing_consuming_and_dead_lettering() throws Exception {
        int storePort = LocalStack.freePort();
        int port = LocalStack.freePort();
        process("store", StoreServer.class.getName(), Integer.toString(storePort), home.resolve("store/fpr.mv.db").toString());
        List<String> command = new ArrayList<>(List.of(LocalStack.java()));
        command.addAll(LocalStack.SERVICE_JVM);
        command.addAll(List.of("-jar", LocalStack.jar(ROOT, "monitoring-service").toString(), "--server.port=" + port,
                "--spring.mongodb.uri=mongodb://localhost:" + storePort + "/monitoring",
                "--spring.cloud.stream.kafka.binder.brokers=localhost:" + clientsPort));
        InfrastructureProperties.trustingTestTokens().forEach((name, value) -> command.add("--" + name + "=" + value));
        ProcessBuilder service = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("logs/monitoring-service.log").toFile()));
        service.environment().put("FPR_KAFKA_USERNAME", "monitoring-service");
        service.environment().put("FPR_KAFKA_PASSWORD", password("monitoring-service"));
        processes.add(service.start());
        WebTestClient http = ServiceIntegrationTest.client(port);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() ->
                http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());

        String householdId = (String) http.post().uri("/api/v1/households").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of(
                        "region", Map.of("provinceCode", "520000", "countyCode", "520526", "townshipCode", "520526100",
                                "villageCode", "520526100201"),
                        "liftedFromPoverty", true, "annualNetIncomeYuan", 16000,
                        "members", List.of(Map.of("idNumber", "520526199001010037", "relation", "HEAD", "labourCapacity", "FULL",
                                "medicallyInsured", true, "pensionInsured", true))))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("householdId");

        // a department's warning of a large out-of-pocket medical bill, and a record that is not JSON
        DepartmentSignalReceived signal = new DepartmentSignalReceived("acl-" + UUID.randomUUID(), householdId, Department.MEDICAL_INSURANCE,
                RiskType.ILLNESS, LocalDate.now(), new BigDecimal("16000"), new BigDecimal("30000"), "large out-of-pocket costs");
        EventEnvelope<DepartmentSignalReceived> envelope = EventEnvelope.of(UUID.randomUUID().toString(), "/departments/medical-insurance",
                Instant.now(), "acl-" + UUID.randomUUID(), signal);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventCatalogue.typeOf(signal).topic().name(), householdId,
                EventCodec.encode(signal));
        CloudEventHeaders.toHeaders(envelope).forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.DEPARTMENT_SIGNALS.name(), householdId,
                "{not json".getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.toHeaders(envelope).forEach((name, value) -> poison.headers().add(name,
                (name.equals(CloudEventHeaders.ID) ? "poison-" + value : value).getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, byte[]> departments = producer("department-systems", password("department-systems"))) {
            departments.send(record).get(30, TimeUnit.SECONDS);
            departments.send(poison).get(30, TimeUnit.SECONDS);
        }

        // the signal was consumed and applied (case opened), and the service's events were published on its own topic
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> http.get().uri("/api/v1/cases?region=520526").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[*].householdId").value(ids -> assertThat((List<String>) ids).contains(householdId)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readAsAdmin(Topics.HOUSEHOLD.name()))
                .anySatisfy(r -> assertThat(r.key()).isEqualTo(householdId)));
        // the poison went to the service's own dead-letter topic, which its dead-letter tooling reads with its own user
        String deadLetters = Topics.deadLetter(Topics.DEPARTMENT_SIGNALS.name(), "monitoring-service");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> http.get().uri("/api/v1/admin/dead-letters/{topic}", deadLetters)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$[*].eventId")
                .value(ids -> assertThat((List<String>) ids).contains("poison-" + envelope.id())));
    }

    // --- the broker and its clients

    /** The broker's settings in docker-compose.yml, as the apache/kafka image reads its KAFKA_* variables. */
    private static Map<String, String> composeBrokerSettings() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Object> kafka = ((Map<String, Map<String, Object>>) compose.get("services")).get("kafka");
        Map<String, String> settings = new LinkedHashMap<>();
        ((Map<String, Object>) kafka.get("environment")).forEach((variable, value) -> {
            if (variable.startsWith("KAFKA_")) {
                String key = variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                        .replace("___", "-").replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
                settings.put(key, value.toString().replace("${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}", ADMIN_PASSWORD));
            }
        });
        assertThat(settings).as("compose's broker settings").containsKeys("listener.security.protocol.map",
                "listener.name.clients.scram-sha-512.sasl.jaas.config", "listener.name.admin.plain.sasl.jaas.config",
                "authorizer.class.name", "super.users", "allow.everyone.if.no.acl.found");
        return settings;
    }

    private Map<String, Object> adminSettings() {
        return Map.of("bootstrap.servers", "localhost:" + adminPort, "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
                        + ADMIN_PASSWORD + "\";");
    }

    private Map<String, Object> as(String user, String password) {
        Map<String, Object> settings = new HashMap<>(KafkaCredentials.clientSettings(user, password, "SASL_PLAINTEXT", KafkaCredentials.MECHANISM));
        settings.put("bootstrap.servers", "localhost:" + clientsPort);
        return settings;
    }

    private static String password(String user) {
        return "pw-" + user + "-" + ADMIN_PASSWORD.hashCode();
    }

    private KafkaProducer<String, byte[]> producer(String user, String password) {
        Map<String, Object> settings = as(user, password);
        settings.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    private static boolean writes(KafkaProducer<String, byte[]> producer, String topic) {
        try {
            producer.send(new ProducerRecord<>(topic, "access-check", new byte[0])).get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException) {
                return false;
            }
            throw new AssertionError("writing " + topic + " failed otherwise", e);
        } catch (Exception e) {
            throw new AssertionError("writing " + topic, e);
        }
    }

    /** What the first polls of a consumer of a topic in a group throw, if anything. */
    private Optional<Exception> firstPoll(String user, String group, String topic) {
        Map<String, Object> settings = as(user, password(user));
        settings.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            for (int i = 0; i < 10 && consumer.assignment().isEmpty(); i++) {
                consumer.poll(Duration.ofSeconds(1));
            }
            return consumer.assignment().isEmpty() ? Optional.of(new IllegalStateException("no partitions assigned")) : Optional.empty();
        } catch (Exception e) {
            return Optional.of(e);
        }
    }

    private List<ConsumerRecord<String, byte[]>> readAsAdmin(String topic) {
        Map<String, Object> settings = new HashMap<>(adminSettings());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            for (int i = 0; i < 5; i++) {
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
            }
        }
        return records;
    }

    private Process process(String name, String... mainAndArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(LocalStack.java(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dkafka.logs.dir=" + home.resolve("logs"), "-cp", LocalStack.classpath(ROOT)));
        command.addAll(List.of(mainAndArguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("logs/" + name + ".log").toFile())).start();
        processes.add(process);
        return process;
    }
}
