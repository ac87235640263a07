package cn.fpr.platform;

import cn.fpr.platform.testapp.PlatformTestApplication;
import cn.fpr.testsupport.HelloAnsweringMemoryBackend;
import cn.fpr.testsupport.RealInfrastructure;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestInfrastructure;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service whose store goes away: writes answer 503 with Retry-After within seconds instead of
 * hanging, readiness reports DOWN, and both recover when the store is back. (This test runs its own
 * store, so that stopping it does not disturb the other tests.)
 */
@RealInfrastructure
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"fpr.store.server-selection-timeout=2s", "management.endpoint.health.group.readiness.include=readinessState,mongo"})
class StoreOutageIT {

    private static final int PORT = freePort();
    private static MongoServer store = start();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + PORT + "/outage");
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> TestInfrastructure.shared().kafkaBootstrapServers());
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.shared().kafkaBootstrapServers());
    }

    @AfterAll
    static void stopStore() {
        store.shutdownNow();
    }

    @Test
    void while_the_store_is_down_writes_answer_503_with_retry_after_and_readiness_is_down_then_both_recover() {
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

        store = start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
        place(http, "hh-after").expectStatus().is2xxSuccessful();
    }

    private static WebTestClient.ResponseSpec place(WebTestClient http, String household) {
        return http.post().uri("/households/{id}/placements", household + "-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("placementId", "pl-" + UUID.randomUUID(), "memberId", "m-1", "monthlyWageYuan", 3000,
                        "startDate", "2026-03-16")).exchange();
    }

    private static MongoServer start() {
        MongoServer server = new MongoServer(new HelloAnsweringMemoryBackend());
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
