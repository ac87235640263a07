package cn.fpr.cooperation.partner;

import cn.fpr.cooperation.CooperationServiceTest;
import cn.fpr.testsupport.GuideExamples;
import cn.fpr.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The partners' guide ({@code docs/guides/partners.md}, and its Chinese version): its examples,
 * sent as they stand (the callback address aside), are answered as the guide says, and the
 * notification that comes of them has the guide's shape.
 */
@CooperationServiceTest
class PartnerGuideIT extends ServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StubPartnerServer CALLBACK = new StubPartnerServer();

    @AfterAll
    static void stopCallback() {
        CALLBACK.close();
    }

    @Test
    void a_submission_is_recorded_once_however_often_it_is_sent_and_its_notification_has_the_guides_shape() {
        Map<?, ?> credentials = http.post().uri("/api/v1/partners").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("partnerId", "gd-guide", "name", "Guangdong cooperation platform", "regionCode", "440000")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> token = tokenless.post().uri("/partner/v1/oauth2/token")
                .headers(headers -> headers.setBasicAuth("gd-guide", (String) credentials.get("clientSecret")))
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(token.get("token_type")).isEqualTo("Bearer");
        assertThat(token.get("expires_in")).isEqualTo(3600);
        assertThat(token.get("scope")).isEqualTo("partner");
        WebTestClient partner = tokenless.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.get("access_token")).build();
        http.post().uri("/api/v1/pairings/pair-44-52/agreements").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("year", 2026, "targets", Map.of("FISCAL_AID_YUAN", 100_000_000))).exchange()
                .expectStatus().isCreated();

        ObjectNode subscription = (ObjectNode) JSON.readTree(GuideExamples.read("partners", "subscription.json"));
        subscription.put("callbackUrl", CALLBACK.url("/ok/guide").toString());
        partner.put().uri("/partner/v1/subscription").contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(subscription))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.eventTypes.length()").isEqualTo(3);

        List<String> answers = new ArrayList<>();
        for (String replayed : new String[] {"false", "true"}) {
            EntityExchangeResult<byte[]> answer = partner.post().uri("/partner/v1/submissions").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(GuideExamples.read("partners", "submission.json")).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("Idempotent-Replayed", replayed)
                    .expectBody()
                    .jsonPath("$.recorded").isEqualTo(2)
                    .jsonPath("$.rejected").isEqualTo(0)
                    .jsonPath("$.items[0].status").isEqualTo(201)
                    .jsonPath("$.items[1].status").isEqualTo(201)
                    .returnResult();
            answers.add(new String(answer.getResponseBody(), StandardCharsets.UTF_8));
        }
        assertThat(answers.get(1)).as("the first answer again, word for word").isEqualTo(answers.get(0));

        JsonNode expected = JSON.readTree(GuideExamples.read("partners", "notification.json"));
        await().atMost(Duration.ofSeconds(30)).until(() -> CALLBACK.received("guide").stream()
                .anyMatch(received -> received.body().contains("\"funds-allocated\"")));
        StubPartnerServer.Received delivered = CALLBACK.received("guide").stream()
                .filter(received -> received.body().contains("\"funds-allocated\"")).findFirst().orElseThrow();
        assertThat(delivered.contentType()).startsWith("application/cloudevents+json");
        JsonNode notification = JSON.readTree(delivered.body());
        assertThat(notification.propertyNames()).containsExactlyInAnyOrderElementsOf(expected.propertyNames());
        for (String attribute : List.of("specversion", "source", "type", "subject", "dataschema", "datacontenttype")) {
            assertThat(notification.get(attribute)).as(attribute).isEqualTo(expected.get(attribute));
        }
        assertThat(notification.get("data").propertyNames()).containsExactlyInAnyOrderElementsOf(expected.get("data").propertyNames());
        for (String field : List.of("allocationId", "pairingId", "receivingCountyCode", "purpose", "year", "allocatedOn")) {
            assertThat(notification.get("data").get(field)).as(field).isEqualTo(expected.get("data").get(field));
        }
        assertThat(notification.get("data").get("amountYuan").decimalValue()).isEqualByComparingTo(expected.get("data").get("amountYuan").decimalValue());
    }

}
