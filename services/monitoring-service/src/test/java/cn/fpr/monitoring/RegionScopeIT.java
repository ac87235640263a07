package cn.fpr.monitoring;

import cn.fpr.contracts.Department;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.household.CaseOpened;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.testsupport.TestProducer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query and write is limited to the caller's region, as its token says: another region's
 * household or case answers exactly as one that does not exist, and changes nothing; a list is
 * of the caller's region unless a region within it is asked for.
 */
class RegionScopeIT extends MonitoringServiceTest {

    private WebTestClient weiningOffice() {
        return as("county-520526", "520526", "COUNTY_OFFICIAL");
    }

    @Test
    void a_county_office_sees_and_changes_only_its_own_households_another_countys_answer_as_if_they_did_not_exist() {
        String weining = registerFamily(16000);
        String yongdeng = registerFamily(YONGDENG, 16000);
        WebTestClient weiningOffice = weiningOffice();
        WebTestClient yongdengOffice = as("county-620121", "620121", "COUNTY_OFFICIAL");

        weiningOffice.get().uri("/api/v1/households/{id}", weining).exchange().expectStatus().isOk();
        byte[] outside = weiningOffice.get().uri("/api/v1/households/{id}", yongdeng).exchange().expectStatus().isNotFound()
                .expectBody().returnResult().getResponseBody();
        byte[] missing = weiningOffice.get().uri("/api/v1/households/{id}", "hh-620121-nothere").exchange().expectStatus().isNotFound()
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(outside)).doesNotContain("620121100201", "YONGDENG", "cadre-wang")
                .isEqualTo(new String(missing).replace("hh-620121-nothere", yongdeng));

        weiningOffice.patch().uri("/api/v1/households/{id}", yongdeng).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", "13800000000")).exchange().expectStatus().isNotFound();
        yongdengOffice.get().uri("/api/v1/households/{id}", yongdeng).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.phone").doesNotExist();

        // lists: its own county by default; a township within it on request; another county not at all
        weiningOffice.get().uri("/api/v1/households?size=500").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[*].householdId").value(ids -> assertThat((List<String>) ids).contains(weining).doesNotContain(yongdeng))
                .jsonPath("$[*].region.countyCode").value(counties -> assertThat((List<String>) counties).containsOnly("520526"));
        weiningOffice.get().uri("/api/v1/households?region=520526100&size=500").exchange().expectStatus().isOk();
        weiningOffice.get().uri("/api/v1/households?region=620121").exchange().expectStatus().isNotFound();
        weiningOffice.get().uri("/api/v1/households?region=520000").exchange().expectStatus().isNotFound();

        // registering a household in another county is refused, naming the region, and nothing is stored
        weiningOffice.post().uri("/api/v1/households").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(registration(YONGDENG, 16000, List.of(member(idNumber(1990), "HEAD", "FULL", "NOT_IN_SCHOOL_AGE"))))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("region");
    }

    @Test
    void a_case_of_another_county_cannot_be_stepped_or_seen_and_answers_as_a_case_that_is_not_open() {
        String yongdeng = registerFamily(YONGDENG, 16000);
        TestProducer.publish("/departments/medical-insurance", "corr-scope", new DepartmentSignalReceived("MI-scope-1", yongdeng,
                Department.MEDICAL_INSURANCE, RiskType.ILLNESS, DAY_ONE.minusDays(2), null, new BigDecimal("40000"), "surgery"));
        String caseId = ((CaseOpened) payload(published(yongdeng, "case-opened", 1).get(0))).caseId();

        WebTestClient weiningCadre = as("cadre-weining", "520526100201", "VILLAGE_CADRE");
        Map<String, Object> visit = Map.of("step", "HOUSEHOLD_VISIT", "decision", "APPROVE", "reason", "visited",
                "authorisationSigned", true);
        String outside = new String(weiningCadre.post().uri("/api/v1/cases/{id}/steps", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(visit).exchange().expectStatus().isEqualTo(422).expectBody().returnResult().getResponseBody());
        String notOpen = new String(weiningCadre.post().uri("/api/v1/cases/{id}/steps", "case-nothere").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(visit).exchange().expectStatus().isEqualTo(422).expectBody().returnResult().getResponseBody());
        assertThat(outside).doesNotContain(yongdeng).isEqualTo(notOpen.replace("case-nothere", caseId));
        weiningOffice().get().uri("/api/v1/cases?size=500").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[*].caseId").value(ids -> assertThat((List<String>) ids).doesNotContain(caseId));

        // the step was not taken: Yongdeng's own cadre takes it
        as("cadre-yongdeng", "620121100201", "VILLAGE_CADRE").post().uri("/api/v1/cases/{id}/steps", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(visit).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.steps.length()").isEqualTo(1)
                .jsonPath("$.steps[0].actorId").isEqualTo("cadre-yongdeng");
    }

    @Test
    void a_province_administrator_sets_the_line_of_its_own_province_only() {
        String before = new String(http.get().uri("/api/v1/thresholds/620000/2030").exchange().expectBody().returnResult().getResponseBody());
        as("admin-guizhou", "520000", "PROVINCE_ADMIN").put().uri("/api/v1/thresholds/620000/2030").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lineYuan", 9900)).exchange().expectStatus().isNotFound();
        assertThat(new String(http.get().uri("/api/v1/thresholds/620000/2030").exchange().expectBody().returnResult().getResponseBody()))
                .isEqualTo(before);
        as("admin-gansu", "620000", "PROVINCE_ADMIN").put().uri("/api/v1/thresholds/620000/2030").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lineYuan", 9900)).exchange().expectStatus().isOk();
    }
}
