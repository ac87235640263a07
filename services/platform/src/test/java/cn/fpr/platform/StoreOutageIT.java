package cn.fpr.platform;

import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.Topics;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.platform.testapp.PlatformTestApplication;
import cn.fpr.platform.testapp.Tally;
import cn.fpr.store.StoreBackend;
import cn.fpr.testsupport.InfrastructureProperties;
import cn.fpr.testsupport.RealInfrastructure;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestInfrastructure;
import cn.fpr.testsupport.TestProducer;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service whose store goes away: writes answer 503 with Retry-After within seconds instead of
 * hanging, then at once when the store's circuit breaker has opened; readiness reports DOWN; all
 * recover, and the circuit closes, when the store is back. (This test runs its own
 * store, so that stopping it does not disturb the other tests.)
 */
@RealInfrastructure
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"fpr.store.server-selection-timeout=2s", "management.endpoint.health.group.readiness.include=readinessState,mongo,storeCircuit",
                // its own consumer group, so that it never takes records meant for the other tests' service
                "spring.cloud.stream.bindings.labour-in-0.group=platform-outage-test"})
class StoreOutageIT {

    private static final int PORT = freePort();
    private static MongoServer store = start();

    @Value("${local.server.port}")
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + PORT + "/outage");
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> TestInfrastructure.shared().kafkaBootstrapServers());
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.shared().kafkaBootstrapServers());
        InfrastructureProperties.trustingTestTokens().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopStore() {
        store.shutdownNow();
    }

    @Test
    void while_the_store_is_down_writes_answer_503_and_readiness_is_down_and_events_wait_then_all_recover_with_nothing_dead_lettered() {
        WebTestClient http = ServiceIntegrationTest.client(port);
        place(http, "hh-before").expectStatus().is2xxSuccessful();

        store.shutdownNow();
        long started = System.nanoTime();
        place(http, "hh-during").expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:fpr:problem:store-unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered, not hung").isLessThan(Duration.ofSeconds(15));
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);

        // after a few such failures the store's circuit breaker opens: writes are refused at once, without waiting on the store
        place(http, "hh-during").expectStatus().isEqualTo(503);
        place(http, "hh-during").expectStatus().isEqualTo(503);
        http.get().uri("/actuator/health").exchange().expectBody().jsonPath("$.components.storeCircuit.details.state").isEqualTo("OPEN");
        long refused = System.nanoTime();
        place(http, "hh-during").expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("circuit breaker is open"));
        assertThat(Duration.ofNanos(System.nanoTime() - refused)).as("refused without trying the store").isLessThan(Duration.ofSeconds(1));

        // an event arrives meanwhile: the consumer holds it (no commit, no dead letter) until the store is back
        String household = "hh-outage-" + UUID.randomUUID();
        TestProducer.publish("/fpr/employment-service", "corr-outage", new JobPlaced("pl-outage", household, "m-1",
                OpeningKind.ENTERPRISE, "520526", new BigDecimal("3000"), LocalDate.of(2026, 3, 16), false, null));
        LockSupport.parkNanos(Duration.ofSeconds(8).toNanos());

        store = start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
        // a client that waits as Retry-After says gets through once the circuit has let its trial calls succeed
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                place(http, "hh-after").expectStatus().is2xxSuccessful());
        place(http, "hh-after").expectStatus().is2xxSuccessful();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/actuator/health").exchange().expectBody()
                .jsonPath("$.components.storeCircuit.details.state").isEqualTo("CLOSED"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(mongo.findById(household, Tally.class).block()).extracting(Tally::placementIds).isEqualTo(List.of("pl-outage")));
        // (the group reads the topic from its start: earlier tests' poison records are its only dead letters; run
        // alone, it has none, and there is no dead-letter topic to list)
        EntityExchangeResult<String> letters = http.get()
                .uri("/api/v1/admin/dead-letters/{topic}?limit=500", Topics.deadLetter(Topics.LABOUR.name(), "platform-outage-test"))
                .exchange().expectBody(String.class).returnResult();
        assertThat(letters.getStatus().value()).as("the dead letters, or no dead-letter topic at all").isIn(200, 404);
        if (letters.getStatus().value() == 200) {
            assertThat(letters.getResponseBody()).doesNotContain(household);
        }
    }

    private static WebTestClient.ResponseSpec place(WebTestClient http, String household) {
        return http.post().uri("/households/{id}/placements", household + "-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("placementId", "pl-" + UUID.randomUUID(), "memberId", "m-1", "monthlyWageYuan", 3000,
                        "startDate", "2026-03-16")).exchange();
    }

    private static MongoServer start() {
        MongoServer server = new MongoServer(StoreBackend.inMemory());
        server.bind("127.0.0.1", PORT);
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
