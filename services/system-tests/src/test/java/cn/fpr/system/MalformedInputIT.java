package cn.fpr.system;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.EventCatalogue;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.EventType;
import cn.fpr.contracts.Topic;
import cn.fpr.contracts.Topics;
import cn.fpr.testsupport.RealInfrastructure;
import cn.fpr.testsupport.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Malformed input at every HTTP endpoint of every service, as their OpenAPI documents describe
 * them: ten thousand requests from a seeded generator (bodies that are not JSON, of the wrong shape, with every
 * field of the wrong type; nonsense in paths and query parameters). None may fail the service
 * (5xx); every refusal is problem details. And malformed records on every inbound topic: each is
 * dead-lettered once by every service consuming the topic, with its reason, and no store changes.
 */
@RealInfrastructure
class MalformedInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int INPUTS = 10_000;
    private static SystemUnderTest system;

    /** An operation of a service's API. */
    record Operation(String service, HttpMethod method, String path, List<String> queryParameters, List<String> bodyFields,
                     boolean hasBody) {
    }

    @BeforeAll
    static void startServices() {
        // thousands of requests from one client in seconds: the rate limit (tested in WebLimitsIT) would answer 429 before what is checked here
        system = SystemUnderTest.start("_malformed", "--fpr.web.rate-limit=1000000");
    }

    @AfterAll
    static void stopServices() {
        system.close();
    }

    @Test
    void ten_thousand_malformed_requests_across_every_endpoint_get_a_problem_and_never_a_server_error() {
        List<Operation> operations = new ArrayList<>();
        system.clients().forEach((service, client) -> operations.addAll(operations(service, client)));
        assertThat(operations).hasSizeGreaterThan(60);

        Random random = new Random(20261129);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int perOperation = (INPUTS + operations.size() - 1) / operations.size();
        for (Operation operation : operations) {
            for (int i = 0; i < perOperation; i++) {
                String uri = uri(operation, random);
                String body = operation.hasBody() ? body(operation, random) : null;
                // a fresh connection each time: an early refusal of a large body may leave a kept-alive one unusable
                WebTestClient.RequestBodySpec request = system.client(operation.service()).mutate().responseTimeout(Duration.ofSeconds(60))
                        .build().method(operation.method()).uri(uri).header(HttpHeaders.CONNECTION, "close");
                WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                EntityExchangeResult<byte[]> result;
                try {
                    result = ready.exchange().expectBody().returnResult();
                } catch (IllegalStateException e) {
                    failures.add("no answer: " + operation.method() + " " + operation.service() + uri + " body=" + abbreviate(body));
                    sent++;
                    continue;
                }
                sent++;
                int status = result.getStatus().value();
                MediaType type = result.getResponseHeaders().getContentType();
                boolean problem = type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
                boolean oauthError = operation.path().endsWith("/oauth2/token");   // RFC 6749 errors there
                if (status >= 500 || (status >= 400 && !problem && !oauthError)) {
                    failures.add(status + " " + operation.method() + " " + operation.service() + uri + " body=" + abbreviate(body)
                            + " → " + abbreviate(result.getResponseBody() == null ? "" : new String(result.getResponseBody(),
                            StandardCharsets.UTF_8)));
                }
            }
        }
        System.out.printf("%d malformed requests over %d operations%n", sent, operations.size());
        assertThat(sent).isGreaterThanOrEqualTo(INPUTS);
        assertThat(failures).as("requests answered with a server error or without problem details").isEmpty();
    }

    @Test
    void malformed_records_on_every_inbound_topic_are_dead_lettered_by_every_consumer_with_the_reason_and_change_no_store() {
        Map<String, List<String[]>> consumers = deadLetterTopicsByInboundTopic();
        assertThat(consumers.keySet()).as("inbound topics").hasSize(Topics.ALL.size());
        Map<String, Integer> before = storeContents();
        assertThat(before).as("the services' collections").containsKeys("monitoring.households", "consultation.feed");

        Random random = new Random(20261130);
        Map<String, Map<String, String>> sent = new LinkedHashMap<>();   // inbound topic → key → kind
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            int n = 0;
            for (Topic topic : Topics.ALL) {
                for (int i = 0; i < RECORDS_PER_TOPIC; i++) {
                    String key = "malformed-" + (n++);
                    ProducerRecord<String, byte[]> record = malformedRecord(topic, key, random);
                    sent.computeIfAbsent(topic.name(), t -> new LinkedHashMap<>()).put(key, new String(record.headers()
                            .lastHeader("x-test-kind").value(), StandardCharsets.UTF_8));
                    record.headers().remove("x-test-kind");
                    producer.send(record);
                }
            }
            producer.flush();
        }
        System.out.printf("%d malformed records on %d topics%n", RECORDS_PER_TOPIC * Topics.ALL.size(), Topics.ALL.size());

        List<String> failures = new ArrayList<>();
        consumers.forEach((topic, deadLetterTopics) -> deadLetterTopics.forEach(dead -> {
            Map<String, String> expected = sent.get(topic);
            Map<String, List<Map<String, Object>>> found = new LinkedHashMap<>();
            await().atMost(Duration.ofMinutes(3)).until(() -> {
                found.clear();
                found.putAll(deadLetters(dead[0], dead[1], expected.keySet()));
                return found.size() == expected.size();
            });
            // and no second one comes later
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
            found.clear();
            found.putAll(deadLetters(dead[0], dead[1], expected.keySet()));
            found.forEach((key, letters) -> {
                if (letters.size() != 1) {
                    failures.add(dead[1] + ": " + key + " dead-lettered " + letters.size() + " times");
                }
                Object reason = letters.get(0).get("reason");
                if (!(reason instanceof String text) || text.isBlank() || !topic.equals(letters.get(0).get("originalTopic"))) {
                    failures.add(dead[1] + ": " + key + " (" + expected.get(key) + ") without its reason or origin: " + letters.get(0));
                }
            });
        }));
        assertThat(failures).as("dead letters missing, doubled or without a reason").isEmpty();
        assertThat(storeContents()).as("the documents of every service's store").isEqualTo(before);
    }

    private static final int RECORDS_PER_TOPIC = 200;

    /** For each inbound topic, the dead-letter topics of the services consuming it, as their dead-letter tooling lists them. */
    private static Map<String, List<String[]>> deadLetterTopicsByInboundTopic() {
        Map<String, List<String[]>> consumers = new LinkedHashMap<>();
        system.clients().forEach((service, client) -> {
            JsonNode topics = JSON.readTree(client.get().uri("/api/v1/admin/dead-letters").exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody());
            topics.forEach(topic -> consumers.computeIfAbsent(topic.path("originalTopic").asString(), t -> new ArrayList<>())
                    .add(new String[] {service, topic.path("topic").asString()}));
        });
        return consumers;
    }

    /** The dead letters of a service's dead-letter topic whose keys are among {@code keys}, by key, read page by page. */
    private static Map<String, List<Map<String, Object>>> deadLetters(String service, String topic, Set<String> keys) {
        Map<String, List<Map<String, Object>>> found = new LinkedHashMap<>();
        long from = 0;
        while (true) {
            List<Map<String, Object>> page = system.client(service).get()
                    .uri("/api/v1/admin/dead-letters/{topic}?from={from}&limit=500", topic, from).exchange()
                    .expectStatus().isOk().expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() { })
                    .returnResult().getResponseBody();
            if (page == null || page.isEmpty()) {
                return found;
            }
            for (Map<String, Object> letter : page) {
                if (keys.contains(letter.get("key"))) {
                    found.computeIfAbsent((String) letter.get("key"), k -> new ArrayList<>()).add(letter);
                }
                from = ((Number) letter.get("offset")).longValue() + 1;
            }
        }
    }

    /**
     * A record that is wrong in one of the ways producers get records wrong: a payload breaking its
     * type's schema (the type's own fields with wrong values, or some missing), not JSON, JSON of the
     * wrong shape, empty, an unknown or missing type, missing CloudEvents headers. The kind is put in
     * a test header (removed before sending).
     */
    private static ProducerRecord<String, byte[]> malformedRecord(Topic topic, String key, Random random) {
        List<EventType<?>> types = EventCatalogue.onTopic(topic);
        EventType<?> type = types.get(random.nextInt(types.size()));
        String typeName = type.name();
        int kind = random.nextInt(10);
        String label;
        byte[] payload;
        if (kind < 4) {
            label = "schema";
            do {
                Map<String, Object> body = new LinkedHashMap<>();
                for (RecordComponent field : type.payload().getRecordComponents()) {
                    if (random.nextInt(3) > 0) {
                        body.put(field.getName(), wrongValue(random));
                    }
                }
                payload = JSON.writeValueAsBytes(body);
            } while (EventCodec.violations(typeName, payload).isEmpty());
        } else if (kind == 4) {
            label = "not-json";
            payload = pick(random, "{", "{\"householdId\":", "[1,2", "<xml/>", "{'single': 'quotes'}", randomText(random, 200))
                    .getBytes(StandardCharsets.UTF_8);
        } else if (kind == 5) {
            label = "wrong-shape";
            payload = pick(random, "[]", "[{}]", "42", "\"text\"", "true", "null").getBytes(StandardCharsets.UTF_8);
        } else if (kind == 6) {
            label = "empty";
            payload = new byte[0];
        } else if (kind == 7) {
            label = "unknown-type";
            typeName = pick(random, "household-vanished", "", "DROP TABLE", "case-opened-v2", "x".repeat(300));
            payload = "{}".getBytes(StandardCharsets.UTF_8);
        } else {
            label = "headers-missing";
            payload = "{}".getBytes(StandardCharsets.UTF_8);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), key, payload);
        Map<String, String> headers = new LinkedHashMap<>(Map.of(CloudEventHeaders.ID, key, CloudEventHeaders.SOURCE, "/malformed-test",
                CloudEventHeaders.TYPE, typeName, CloudEventHeaders.SPEC_VERSION, "1.0", CloudEventHeaders.TIME, "2026-03-16T08:00:00Z",
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON));
        if (kind >= 8) {
            headers.remove(pick(random, CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SOURCE));
        }
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        record.headers().add("x-test-kind", label.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The content of every collection of every service's database: its documents, as sorted JSON, hashed. */
    private static Map<String, Integer> storeContents() {
        Map<String, Integer> contents = new TreeMap<>();
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.shared().mongoUri("admin"))) {
            for (String service : SystemUnderTest.SERVICES.keySet()) {
                MongoDatabase database = mongo.getDatabase(service + "_malformed");
                for (String collection : database.listCollectionNames()) {
                    List<String> documents = new ArrayList<>();
                    database.getCollection(collection).find().forEach(document -> documents.add(document.toJson()));
                    documents.sort(null);
                    contents.put(service + "." + collection, documents.hashCode());
                }
            }
        }
        return contents;
    }

    /** The operations of a service's OpenAPI document, but for streams and operators' actions. */
    private static List<Operation> operations(String service, WebTestClient client) {
        JsonNode api = JSON.readTree(client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        List<Operation> operations = new ArrayList<>();
        api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String method = entry.getKey().toUpperCase();
            JsonNode operation = entry.getValue();
            String responses = operation.path("responses").toString();
            if (path.getKey().contains("/admin/") || responses.contains("text/event-stream") || !List.of("GET", "POST", "PUT", "PATCH",
                    "DELETE").contains(method)) {
                return;
            }
            List<String> query = new ArrayList<>();
            operation.path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asString())) {
                    query.add(p.path("name").asString());
                }
            });
            JsonNode body = operation.path("requestBody").path("content");
            List<String> fields = new ArrayList<>();
            JsonNode schema = body.path("application/json").path("schema");
            String ref = schema.path("$ref").asString("");
            if (ref.startsWith("#/components/schemas/")) {
                api.path("components").path("schemas").path(ref.substring("#/components/schemas/".length())).path("properties")
                        .properties().forEach(field -> fields.add(field.getKey()));
            }
            operations.add(new Operation(service, HttpMethod.valueOf(method), path.getKey(), query, fields, !body.isMissingNode()));
        }));
        return operations;
    }

    /** A request body that is wrong in one of the ways clients get bodies wrong, chosen by the seeded generator. */
    private static String body(Operation operation, Random random) {
        int kind = random.nextInt(10);
        if (kind < 5) {   // the operation's own fields, each of a wrong type or value
            List<String> fields = operation.bodyFields().isEmpty() ? List.of("x") : operation.bodyFields();
            Map<String, Object> body = new LinkedHashMap<>();
            for (String field : fields) {
                if (random.nextInt(4) > 0) {
                    body.put(field, wrongValue(random));
                }
            }
            return JSON.writeValueAsString(body);
        }
        if (kind < 7) {   // fields nobody asked for
            Map<String, Object> body = new LinkedHashMap<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                body.put(Long.toString(random.nextLong() & Long.MAX_VALUE, 36), wrongValue(random));
            }
            return JSON.writeValueAsString(body);
        }
        if (kind < 9) {   // not JSON at all
            return pick(random, "{", "{\"a\":", "[1,2", "{\"placementId\": }", "null", "", "<xml/>", "{'single': 'quotes'}",
                    randomText(random, 200));
        }
        return pick(random, "[]", "[{}]", "42", "\"text\"", "true", "{}");   // JSON of the wrong shape
    }

    private static Object wrongValue(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> random.nextInt(2_000_001) - 1_000_000;
            case 1 -> random.nextDouble() * 1e12 - 5e11;
            case 2 -> randomText(random, 40);
            case 3 -> "x".repeat(5_000 + random.nextInt(15_000));
            case 4 -> null;
            case 5 -> random.nextBoolean();
            case 6 -> pick(random, "2026-13-45", "not-a-date", "-1", "1e309", "NaN", "\uD840\uDC00\uD840\uDC01", "\u0000", "{}", "[]");
            case 7 -> List.of(1, "two", Map.of());
            default -> Map.of("nested", List.of());
        };
    }

    private static String randomText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.appendCodePoint(random.nextInt(4) == 0 ? 0x4E00 + random.nextInt(0x5000) : 0x20 + random.nextInt(0x5F));
        }
        return text.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** The operation's path with nonsense in its path parameters, and nonsense query parameters. */
    private static String uri(Operation operation, Random random) {
        String path = operation.path();
        while (path.contains("{")) {
            int start = path.indexOf('{');
            int end = path.indexOf('}', start);
            path = path.substring(0, start) + encode(nonsense(random)) + path.substring(end + 1);
        }
        StringBuilder uri = new StringBuilder(path);
        for (String parameter : operation.queryParameters()) {
            if (random.nextBoolean()) {
                uri.append(uri.indexOf("?") < 0 ? '?' : '&').append(parameter).append('=').append(encode(nonsense(random)));
            }
        }
        return uri.toString();
    }

    private static String nonsense(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> "-1";
            case 2 -> "99999999999999999999";
            case 3 -> "2026-02-30";
            case 4 -> "../../etc/passwd";
            case 5 -> "a".repeat(300);
            case 6 -> "%zz";
            default -> Long.toString(random.nextLong(), 36) + "é中";
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text == null ? "-" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
