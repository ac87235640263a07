package cn.fpr.platform;

import cn.fpr.platform.testapp.Ledger;
import cn.fpr.platform.testapp.PlatformTestApplication;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits every service's HTTP API keeps: request size (413), requests a second per client (429
 * with Retry-After), browser origins (CORS), and security headers.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fpr.web.max-request-size=64KB", "fpr.web.rate-limit=5", "fpr.web.cors.allowed-origins=https://dashboard.example.org"})
class WebLimitsIT extends ServiceIntegrationTest {

    private static final String PLACEMENT = "{\"placementId\":\"pl-1\",\"memberId\":\"m-1\",\"monthlyWageYuan\":3000,\"startDate\":\"2026-03-01\",\"note\":\"";

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void a_body_over_the_size_limit_is_refused_with_413_whether_its_length_is_declared_or_not_and_nothing_is_written() {
        String household = "hh-" + UUID.randomUUID();
        String large = PLACEMENT + "x".repeat(100 * 1024) + "\"}";

        http.post().uri("/households/{id}/placements", household).contentType(MediaType.APPLICATION_JSON).bodyValue(large)
                .exchange().expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:fpr:problem:request-too-large")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("65536 bytes"));

        // chunked: no Content-Length, counted as it arrives
        Flux<DataBuffer> chunks = Flux.range(0, 40).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap((i == 0 ? PLACEMENT : "y".repeat(4096)).getBytes(StandardCharsets.UTF_8)));
        http.post().uri("/households/{id}/placements", household).contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class)
                .exchange().expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.type").isEqualTo("urn:fpr:problem:request-too-large");

        assertThat(mongo.findById(household, Ledger.class).blockOptional()).isEmpty();
        http.post().uri("/households/{id}/placements", household).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(PLACEMENT + "within the limit\"}").exchange().expectStatus().isAccepted();
    }

    @Test
    void a_client_past_its_requests_a_second_is_answered_429_with_retry_after_and_served_again_a_second_later() throws InterruptedException {
        WebClient client = WebClient.builder().baseUrl(http.mutate().build().get().uri("/").exchange().returnResult(Void.class).getUrl()
                .toString().replaceAll("/$", "")).defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.everything()).build();
        List<Integer> statuses = Flux.range(0, 20)
                .flatMap(i -> client.get().uri("/api/v1/nothing-here").exchangeToMono(response -> {
                    if (response.statusCode().value() == 429) {
                        assertThat(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
                    }
                    return response.releaseBody().thenReturn(response.statusCode().value());
                }), 20)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(statuses).filteredOn(status -> status == 429).hasSizeGreaterThanOrEqualTo(10);
        assertThat(statuses).filteredOn(status -> status == 404).hasSizeBetween(1, 10);

        Thread.sleep(1100);
        http.get().uri("/api/v1/nothing-here").exchange().expectStatus().isNotFound();
        // health is not limited
        for (int i = 0; i < 10; i++) {
            http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        }
    }

    @Test
    void only_the_configured_dashboard_origin_may_call_the_api_from_a_browser() {
        http.method(HttpMethod.OPTIONS).uri("/api/v1/anything").header(HttpHeaders.ORIGIN, "https://dashboard.example.org")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://dashboard.example.org");

        http.method(HttpMethod.OPTIONS).uri("/api/v1/anything").header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange().expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        http.get().uri("/actuator/health").header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void every_answer_carries_the_security_headers() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("script-src 'self'")
                        .contains("frame-ancestors 'none'").doesNotContain("unsafe-eval"))
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"));
    }
}
