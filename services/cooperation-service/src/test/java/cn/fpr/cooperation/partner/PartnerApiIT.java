package cn.fpr.cooperation.partner;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.Topics;
import cn.fpr.contracts.pairing.FundsAllocated;
import cn.fpr.cooperation.CooperationServiceTest;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The partner API as an eastern province's own system uses it: client credentials, its pairings
 * only, idempotent bulk submissions, rate limits, and notifications to its callback.
 */
@CooperationServiceTest
class PartnerApiIT extends ServiceIntegrationTest {

    private static final StubPartnerServer STUB = new StubPartnerServer();

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void a_partner_system_exchanges_its_client_credentials_for_a_token_and_gets_nothing_without_one() {
        String secret = register("gd-platform", "440000", null);

        tokenless.post().uri("/partner/v1/oauth2/token").headers(h -> h.setBasicAuth("gd-platform", "wrong-secret"))
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.error").isEqualTo("invalid_client");
        tokenless.post().uri("/partner/v1/oauth2/token").headers(h -> h.setBasicAuth("gd-platform", secret))
                .body(BodyInserters.fromFormData("grant_type", "password")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("unsupported_grant_type");

        tokenless.get().uri("/partner/v1/pairings").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        tokenless.get().uri("/partner/v1/pairings").headers(h -> h.setBearerAuth("not.a.token")).exchange()
                .expectStatus().isUnauthorized().expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");

        as(token("gd-platform", secret)).get().uri("/partner/v1/pairings").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[*].pairingId").value(ids -> assertThat((List<String>) ids).contains("pair-44-45", "pair-44-52")
                        .allMatch(id -> id.startsWith("pair-44")));
    }

    @Test
    void a_partner_can_neither_read_nor_write_another_partners_pairing_which_answers_as_if_it_did_not_exist() {
        WebTestClient jiangsu = as(token("js-platform", register("js-platform", "320000", null)));
        WebTestClient shanghai = as(token("sh-platform", register("sh-platform", "310000", null)));
        sign("pair-32-61", 2026);
        sign("pair-31-53", 2026);
        shanghai.post().uri("/partner/v1/submissions").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("messageId", "sh-1",
                "items", List.of(fundTransfer("pair-31-53", "sh-ft-1", "530629", 800000)))).exchange().expectStatus().isOk();

        String missing = jiangsu.get().uri("/partner/v1/pairings/pair-99-99").exchange().expectStatus().isNotFound()
                .expectBody(Map.class).returnResult().getResponseBody().get("detail").toString();
        String foreign = jiangsu.get().uri("/partner/v1/pairings/pair-31-53").exchange().expectStatus().isNotFound()
                .expectBody(Map.class).returnResult().getResponseBody().get("detail").toString();
        assertThat(foreign).isEqualTo(missing.replace("pair-99-99", "pair-31-53"));
        jiangsu.get().uri("/partner/v1/pairings/pair-31-53/agreements/2026").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.facts").doesNotExist();
        jiangsu.get().uri("/partner/v1/pairings/pair-31-53/agreements/2026/progress?month=2026-03").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.lines").doesNotExist();
        jiangsu.get().uri("/partner/v1/submissions/sh-1").exchange().expectStatus().isNotFound();
        jiangsu.get().uri("/partner/v1/pairings").exchange().expectBody()
                .jsonPath("$[*].pairingId").value(ids -> assertThat((List<String>) ids).containsExactly("pair-32-61", "pair-32-63"));

        jiangsu.post().uri("/partner/v1/submissions").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("messageId", "js-1",
                        "items", List.of(fundTransfer("pair-31-53", "js-ft-1", "530629", 500000),
                                fundTransfer("pair-32-61", "js-ft-2", "610524", 500000)))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].status").isEqualTo(404)
                .jsonPath("$.items[0].detail").isEqualTo("no pairing pair-31-53")
                .jsonPath("$.items[1].status").isEqualTo(201);

        http.get().uri("/api/v1/pairings/pair-31-53/agreements/2026").exchange().expectBody()
                .jsonPath("$.facts[*].reference").isEqualTo(List.of("sh-ft-1"));
        shanghai.get().uri("/partner/v1/pairings/pair-31-53/agreements/2026").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.facts.length()").isEqualTo(1);
    }

    @Test
    void a_submission_is_answered_item_by_item_and_a_retry_of_the_same_message_returns_the_first_answer_and_records_nothing_twice() {
        WebTestClient shandong = as(token("sd-platform", register("sd-platform", "370000", null)));
        sign("pair-37-50", 2026);
        Map<String, Object> submission = Map.of("messageId", "sd-2026-0001", "messageTs", "2026-03-16T10:00:00+08:00", "items", List.of(
                fundTransfer("pair-37-50", "sd-ft-1", "500236", 1200000),
                Map.of("type", "purchase", "pairingId", "pair-37-50", "year", 2026, "reference", "sd-cp-1", "buyer", "Jinan canteens",
                        "product", "Fengjie navel oranges", "amountYuan", -5, "on", "2026-03-12"),
                Map.of("type", "gift", "pairingId", "pair-37-50", "year", 2026),
                fundTransfer("pair-37-50", "sd-ft-2", "500236", 300000, 2025),
                Map.of("type", "dispatch", "pairingId", "pair-37-50", "year", 2026, "reference", "sd-cd-1", "eastToWest", true,
                        "professionals", true, "people", 12, "on", "2026-03-01")));

        EntityExchangeResult<byte[]> first = shandong.post().uri("/partner/v1/submissions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(submission).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "false")
                .expectBody()
                .jsonPath("$.recorded").isEqualTo(2)
                .jsonPath("$.rejected").isEqualTo(3)
                .jsonPath("$.items[0].status").isEqualTo(201)
                .jsonPath("$.items[1].status").isEqualTo(400)
                .jsonPath("$.items[1].errors[0].field").isEqualTo("amountYuan")
                .jsonPath("$.items[2].status").isEqualTo(400)
                .jsonPath("$.items[2].errors[0].field").isEqualTo("type")
                .jsonPath("$.items[3].status").isEqualTo(404)
                .jsonPath("$.items[4].status").isEqualTo(201)
                .returnResult();

        EntityExchangeResult<byte[]> retry = shandong.post().uri("/partner/v1/submissions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(submission).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().returnResult();
        assertThat(new String(retry.getResponseBody())).isEqualTo(new String(first.getResponseBody()));
        shandong.get().uri("/partner/v1/submissions/sd-2026-0001").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.recorded").isEqualTo(2);

        shandong.post().uri("/partner/v1/submissions").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("messageId", "sd-2026-0001",
                        "items", List.of(fundTransfer("pair-37-50", "sd-ft-9", "500236", 1)))).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("messageId");
        shandong.post().uri("/partner/v1/submissions").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("items", List.of()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat((List<String>) fields).contains("messageId", "items"));

        // a later message with the same item reference is not a second record either
        shandong.post().uri("/partner/v1/submissions").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("messageId", "sd-2026-0002",
                        "items", List.of(fundTransfer("pair-37-50", "sd-ft-1", "500236", 1200000),
                                fundTransfer("pair-37-50", "sd-ft-3", "500236", 100000)))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].status").isEqualTo(200)
                .jsonPath("$.items[1].status").isEqualTo(201);

        http.get().uri("/api/v1/pairings/pair-37-50/agreements/2026").exchange().expectBody()
                .jsonPath("$.facts[*].reference").isEqualTo(List.of("sd-ft-1", "sd-cd-1", "sd-ft-3"));
        // one funds-allocated for sd-ft-1: sd-ft-3 came after both submissions of it, on the same partition
        List<FundsAllocated> published = TopicReader.awaitRecords(Topics.PAIRING.name(), 2, r -> "pair-37-50".equals(r.key())
                        && "funds-allocated".equals(TopicReader.header(r, CloudEventHeaders.TYPE))).stream()
                .map(r -> (FundsAllocated) EventCodec.decode("funds-allocated", r.value())).toList();
        assertThat(published).extracting(FundsAllocated::allocationId).containsExactly("sd-ft-1", "sd-ft-3");
    }

    @Test
    void a_partner_past_its_rate_limit_is_told_to_retry_after_a_second() {
        WebTestClient fujian = as(token("fj-platform", register("fj-platform", "350000", 2)));
        List<Integer> statuses = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            fujian.get().uri("/partner/v1/pairings").exchange().expectStatus().value(statuses::add);
        }
        long periods = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
        assertThat(statuses).containsOnly(200, 429).contains(429);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(2 * (periods + 1));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> fujian.get().uri("/partner/v1/pairings").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:fpr:problem:rate-limited"));
        await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                fujian.get().uri("/partner/v1/pairings").exchange().expectStatus().isOk());
    }

    @Test
    void a_partner_whose_callback_hangs_has_its_circuit_opened_and_does_not_hold_up_another_partners_notifications() {
        String beijing = token("bj-platform", register("bj-platform", "110000", null));
        String tianjin = token("tj-platform", register("tj-platform", "120000", null));
        subscribe(beijing, "/hang", List.of());
        subscribe(tianjin, "/ok/tianjin", List.of("agreement-signed", "consumption-purchase-recorded"));
        sign("pair-11-15", 2026);
        for (int i = 1; i <= 4; i++) {
            purchase("pair-11-15", "bj-cp-" + i);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> STUB.hangingCalls() >= 1);

        sign("pair-12-62", 2026);
        for (int i = 1; i <= 3; i++) {
            purchase("pair-12-62", "tj-cp-" + i);
        }
        // Tianjin's four arrive while Beijing's callback is still hanging on its first or second call
        await().atMost(Duration.ofSeconds(10)).until(() -> STUB.received("tianjin").stream()
                .filter(r -> r.body().contains("pair-12-62")).count() == 4);
        assertThat(STUB.received("tianjin")).allSatisfy(r -> {
            assertThat(r.contentType()).isEqualTo("application/cloudevents+json");
            assertThat(r.body()).contains("\"specversion\":\"1.0\"").doesNotContain("\"type\":\"funds-allocated\"");
        });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(beijing).get().uri("/partner/v1/subscription").exchange()
                .expectBody().jsonPath("$.circuit").isEqualTo("OPEN"));
        int callsWhenOpened = STUB.hangingCalls();
        assertThat(callsWhenOpened).isLessThan(5);
        as(beijing).get().uri("/partner/v1/deliveries?state=PENDING").exchange().expectBody()
                .jsonPath("$[?(@.attempts.length() > 0)].attempts[0].outcome").value(outcomes ->
                        assertThat((List<String>) outcomes).isNotEmpty().allMatch(o -> o.startsWith("timed out")));

        // with Beijing's circuit open, Tianjin is still served at once
        purchase("pair-12-62", "tj-cp-4");
        await().atMost(Duration.ofSeconds(10)).until(() -> STUB.received("tianjin").stream()
                .anyMatch(r -> r.body().contains("tj-cp-4")));
        assertThat(STUB.hangingCalls()).isEqualTo(callsWhenOpened);
        as(tianjin).get().uri("/partner/v1/deliveries?state=DELIVERED").exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(5)
                .jsonPath("$[0].attempts[0].httpStatus").isEqualTo(204);
    }

    @Test
    void a_failed_notification_is_tried_again_later_and_every_attempt_is_on_record() {
        String shanghaiCity = token("sh-pudong", register("sh-pudong", "310000", null));
        subscribe(shanghaiCity, "/flaky", List.of("cadre-dispatched"));
        sign("pair-31-53", 2027);
        http.post().uri("/api/v1/pairings/pair-31-53/agreements/2027/dispatches").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reference", "sh-cd-2027", "eastToWest", true, "professionals", false, "people", 5, "on", "2027-01-10"))
                .exchange().expectStatus().isOk();

        // the callback fails the first time; the notification is tried again a second later (the test's schedule)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(shanghaiCity).get().uri("/partner/v1/deliveries").exchange()
                .expectBody().jsonPath("$[0].state").isEqualTo("DELIVERED")
                .jsonPath("$[0].eventType").isEqualTo("cadre-dispatched")
                .jsonPath("$[0].attempts.length()").isEqualTo(2)
                .jsonPath("$[0].attempts[0].outcome").isEqualTo("failed with HTTP 503")
                .jsonPath("$[0].attempts[1].httpStatus").isEqualTo(204));
        assertThat(STUB.received("flaky")).hasSize(2).allSatisfy(r -> assertThat(r.body()).contains("sh-cd-2027"));
    }

    @Test
    void only_pairing_events_may_be_subscribed_to_and_the_callback_must_be_a_web_address() {
        String token = token("sd-qingdao", register("sd-qingdao", "370200", null));
        as(token).put().uri("/partner/v1/subscription").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("callbackUrl", "http://partner.example/cb", "eventTypes", List.of("household-flagged"))).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("eventTypes");
        as(token).put().uri("/partner/v1/subscription").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("callbackUrl", "file:///etc/passwd")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("callbackUrl");
        http.post().uri("/api/v1/partners").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("partnerId", "gz-platform", "name", "Guizhou", "regionCode", "520000")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("regionCode");
    }

    @Test
    void the_partner_api_is_described_in_openapi_without_exposing_the_token_as_a_parameter() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/partner/v1/submissions'].post").exists()
                .jsonPath("$.paths['/partner/v1/submissions'].post.parameters").doesNotExist()
                .jsonPath("$.paths['/partner/v1/oauth2/token'].post").exists()
                .jsonPath("$.paths['/api/v1/partners'].post").exists();
    }

    // --- helpers

    private String register(String partnerId, String regionCode, Integer requestsPerSecond) {
        Map<String, Object> body = new HashMap<>(Map.of("partnerId", partnerId, "name", partnerId + " system", "regionCode", regionCode));
        if (requestsPerSecond != null) {
            body.put("requestsPerSecond", requestsPerSecond);
        }
        Map<?, ?> credentials = http.post().uri("/api/v1/partners").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(credentials.get("clientId")).isEqualTo(partnerId);
        http.get().uri("/api/v1/partners/" + partnerId).exchange().expectBody().jsonPath("$.secretHash").doesNotExist()
                .jsonPath("$.clientSecret").doesNotExist();
        return (String) credentials.get("clientSecret");
    }

    private String token(String clientId, String secret) {
        Map<?, ?> response = tokenless.post().uri("/partner/v1/oauth2/token")
                .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("client_id", clientId).with("client_secret", secret))
                .exchange().expectStatus().isOk().expectHeader().cacheControl(CacheControl.noStore())
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(response.get("token_type")).isEqualTo("Bearer");
        return (String) response.get("access_token");
    }

    private WebTestClient as(String token) {
        return tokenless.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    private void subscribe(String token, String path, List<String> eventTypes) {
        as(token).put().uri("/partner/v1/subscription").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("callbackUrl", STUB.url(path).toString(), "eventTypes", eventTypes)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.circuit").isEqualTo("CLOSED");
    }

    private void sign(String pairingId, int year) {
        http.post().uri("/api/v1/pairings/" + pairingId + "/agreements").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("year", year, "targets", Map.of("FISCAL_AID_YUAN", 1000000))).exchange().expectStatus().isCreated();
    }

    private void purchase(String pairingId, String reference) {
        http.post().uri("/api/v1/pairings/" + pairingId + "/agreements/2026/purchases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reference", reference, "buyer", "union canteens", "product", "beef", "amountYuan", 10000, "on", "2026-03-10"))
                .exchange().expectStatus().isOk();
    }

    private static Map<String, Object> fundTransfer(String pairingId, String reference, String county, long yuan) {
        return fundTransfer(pairingId, reference, county, yuan, 2026);
    }

    private static Map<String, Object> fundTransfer(String pairingId, String reference, String county, long yuan, int year) {
        return Map.of("type", "fund-transfer", "pairingId", pairingId, "year", year, "reference", reference,
                "receivingCountyCode", county, "amountYuan", yuan, "purpose", "industry projects", "on", year + "-03-10");
    }
}
