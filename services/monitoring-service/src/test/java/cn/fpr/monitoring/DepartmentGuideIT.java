package cn.fpr.monitoring;

import cn.fpr.testsupport.GuideExamples;
import cn.fpr.testsupport.TestProducer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The departmental systems' guide ({@code docs/guides/departments.md}, and its Chinese version):
 * each of its examples, sent as it stands but for the household's ID, is answered as the guide says.
 */
class DepartmentGuideIT extends MonitoringServiceTest {

    /** The household ID the examples name, for one the test registered. */
    private static final String EXAMPLE_HOUSEHOLD = "hh-520526-3f2a9c1d7b04";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void the_http_example_opens_a_case_and_sent_again_changes_nothing() {
        String household = registerFamily(30000);
        String warning = GuideExamples.read("departments", "warning.http.json").replace(EXAMPLE_HOUSEHOLD, household);

        for (String outcome : new String[] {"CASE_OPENED", "DUPLICATE"}) {
            departmentSystem("MEDICAL_INSURANCE").post().uri("/api/v1/signals").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(warning).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.reference").isEqualTo("MI-2026-000123")
                    .jsonPath("$.householdId").isEqualTo(household)
                    .jsonPath("$.outcome").isEqualTo(outcome);
        }
        get("/api/v1/households/{id}", household).jsonPath("$.signals.length()").isEqualTo(1);
    }

    @Test
    void the_kafka_example_is_recorded_in_the_households_file_and_opens_its_case() {
        String household = registerFamily(30000);
        JsonNode record = JSON.readTree(GuideExamples.read("departments", "warning.record.json").replace(EXAMPLE_HOUSEHOLD, household));
        Map<String, String> headers = new LinkedHashMap<>();
        record.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asString()));

        TestProducer.send(record.path("topic").asString(), record.path("key").asString(), headers,
                JSON.writeValueAsBytes(record.path("value")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("/api/v1/households/{id}", household).jsonPath("$.signals.length()").isEqualTo(1));
        assertThat(published(household, "case-opened", 1)).hasSize(1);
    }

    @Test
    void a_warning_without_its_date_is_answered_with_the_guides_problem_example_and_changes_nothing() {
        String household = registerFamily(30000);
        ObjectNode warning = (ObjectNode) JSON.readTree(GuideExamples.read("departments", "warning.http.json").replace(EXAMPLE_HOUSEHOLD, household));
        warning.remove("observedOn");
        JsonNode expected = JSON.readTree(GuideExamples.read("departments", "problem.missing-field.json"));

        byte[] answer = departmentSystem("MEDICAL_INSURANCE").post().uri("/api/v1/signals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(warning)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        JsonNode problem = JSON.readTree(answer);
        expected.properties().forEach(field -> assertThat(problem.get(field.getKey())).as(field.getKey()).isEqualTo(field.getValue()));
        get("/api/v1/households/{id}", household).jsonPath("$.signals.length()").isEqualTo(0);
    }

}
