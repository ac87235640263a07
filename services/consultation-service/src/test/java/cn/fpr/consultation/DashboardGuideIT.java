package cn.fpr.consultation;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.household.HouseholdRegistered;
import cn.fpr.contracts.household.Region;
import cn.fpr.testsupport.GuideExamples;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestProducer;
import cn.fpr.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboards' guide ({@code docs/guides/dashboards.md}, and its Chinese version): the
 * service's figures and feed messages have the fields of the guide's examples, nested the same way.
 */
@ConsultationServiceTest
class DashboardGuideIT extends ServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @Value("${local.server.port}")
    int port;

    @Test
    void a_feed_message_has_the_fields_of_the_guides_example() {
        List<String> example = GuideExamples.read("dashboards", "feed-message.txt").lines().toList();
        JsonNode expected = JSON.readTree(example.get(2).substring("data:".length()));
        List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        Disposable dashboard = WebClient.create("http://localhost:" + port).get()
                .uri("/api/v1/events/stream?region=520526&type=household-registered")
                .headers(headers -> headers.setBearerAuth(TestTokens.everything()))
                .retrieve().bodyToFlux(SSE).subscribe(received::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(e -> "heartbeat".equals(e.comment())));
            EventEnvelope<HouseholdRegistered> registered = TestProducer.publish("/fpr/monitoring-service", "corr-guide",
                    new HouseholdRegistered("hh-520526-guide0000001", new Region("520000", "520526", "520526100", "520526100201"), true,
                            List.of(), LocalDate.of(2026, 3, 16)));

            await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(e -> registered.id().equals(e.id())));
            ServerSentEvent<String> message = received.stream().filter(e -> registered.id().equals(e.id())).findFirst().orElseThrow();
            assertThat("event:" + message.event()).isEqualTo(example.get(1));
            JsonNode data = JSON.readTree(message.data());
            assertThat(data.propertyNames()).containsExactlyElementsOf(expected.propertyNames());
            assertThat(data.get("data").propertyNames()).containsExactlyInAnyOrderElementsOf(expected.get("data").propertyNames());
            for (String code : List.of("provinceCode", "countyCode", "townshipCode")) {
                assertThat(data.get(code)).isEqualTo(expected.get(code));
            }
        } finally {
            dashboard.dispose();
        }
    }

    @Test
    void the_figures_of_a_county_have_the_fields_of_the_guides_example() {
        JsonNode expected = JSON.readTree(GuideExamples.read("dashboards", "kpis.json"));
        JsonNode figures = JSON.readTree(http.get().uri("/api/v1/kpis?region=520526&period=2026-02").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());

        assertThat(figures.propertyNames()).containsExactlyElementsOf(expected.propertyNames());
        for (String part : List.of("households", "employment", "microcredit")) {
            assertThat(figures.get(part).propertyNames()).as(part).containsExactlyElementsOf(expected.get(part).propertyNames());
        }
        for (String list : List.of("industryShare", "eastWest")) {
            figures.get(list).forEach(element -> assertThat(element.propertyNames()).as(list)
                    .containsExactlyElementsOf(expected.get(list).get(0).propertyNames()));
        }
        for (String field : List.of("region", "level", "period", "asOf")) {
            assertThat(figures.get(field)).as(field).isEqualTo(expected.get(field));
        }
    }

}
