package cn.fpr.monitoring;

import cn.fpr.testsupport.GuideExamples;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The county and township offices' guide ({@code docs/guides/county-offices.md}, and its Chinese
 * version): its case, played with its example steps, each by the role and on the day the guide
 * gives, answers as the guide says.
 */
class CaseworkGuideIT extends MonitoringServiceTest {

    @Test
    void the_guides_case_goes_from_warning_to_flag_in_its_five_steps_each_by_its_role_on_its_day() {
        WebTestClient villageCadre = as("cadre-li", "520526100201", "VILLAGE_CADRE");
        WebTestClient townshipReviewer = as("reviewer-wu", "520526100", "TOWNSHIP_REVIEWER");
        WebTestClient countyOfficial = as("official-zhang", "520526", "COUNTY_OFFICIAL");
        clock.setDay(LocalDate.of(2026, 3, 16));
        String household = registerFamily(30000);
        signal(Map.of("signalId", "MI-guide-1", "householdId", household, "department", "MEDICAL_INSURANCE", "riskType", "ILLNESS",
                "observedOn", "2026-03-16", "rigidSpendingYuan", 40000), 200).jsonPath("$.outcome").isEqualTo("CASE_OPENED");
        String caseId = openCaseOf(household);

        step(villageCadre, caseId, "1-household-visit.json", 200).jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.dueOn").isEqualTo("2026-03-31");

        clock.setDay(LocalDate.of(2026, 3, 18));
        step(villageCadre, caseId, "2-data-cross-check.json", 403);   // the county's step
        step(countyOfficial, caseId, "2-data-cross-check.json", 200);

        clock.setDay(LocalDate.of(2026, 3, 21));
        step(villageCadre, caseId, "3-village-review.json", 422).jsonPath("$.errors[0].field").isEqualTo("noticePostedOn");
        clock.setDay(LocalDate.of(2026, 3, 22));
        step(villageCadre, caseId, "3-village-review.json", 200);

        clock.setDay(LocalDate.of(2026, 3, 23));
        step(townshipReviewer, caseId, "4-township-review.json", 200);

        clock.setDay(LocalDate.of(2026, 3, 24));
        step(countyOfficial, caseId, "5-county-approval.json", 200)
                .jsonPath("$.status").isEqualTo("APPROVED")
                .jsonPath("$.steps.length()").isEqualTo(5)
                .jsonPath("$.steps[4].actorId").isEqualTo("official-zhang");

        get("/api/v1/households/{id}", household).jsonPath("$.status").isEqualTo("MONITORED");
        assertThat(published(household, "household-flagged", 1)).hasSize(1);
    }

    private static WebTestClient.BodyContentSpec step(WebTestClient caller, String caseId, String example, int status) {
        return caller.post().uri("/api/v1/cases/{id}/steps", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(GuideExamples.read("casework", example)).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody();
    }

}
