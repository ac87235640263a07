package cn.fpr.employment;

import cn.fpr.contracts.AssistanceNeed;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.contracts.household.LabourMember;
import cn.fpr.contracts.household.Region;
import cn.fpr.testsupport.TestProducer;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** household-flagged from monitoring fills the labour registry, once however often it is delivered. */
class HouseholdFlaggedIT extends EmploymentServiceTest {

    static final Region WEINING = new Region("520000", "520526", "520526100", "520526100201");

    @Test
    void workers_of_a_flagged_household_become_job_seekers_once_even_when_the_event_comes_twice() {
        String household = "hh-520526-" + UUID.randomUUID();
        EventEnvelope<HouseholdFlagged> flagged = TestProducer.publish(MONITORING, "corr-emp", new HouseholdFlagged(household, WEINING,
                HouseholdCategory.SUDDEN_HARDSHIP, List.of(RiskType.ILLNESS), new BigDecimal("-2666.67"), new BigDecimal("7300"), true,
                List.of(new LabourMember("m-1", 1979, LabourCapacity.FULL, List.of("masonry")),
                        new LabourMember("m-2", 1982, LabourCapacity.WEAK_OR_HALF, List.of())),
                List.of(AssistanceNeed.MEDICAL_ASSISTANCE, AssistanceNeed.SUITABLE_WORK), "case-1", LocalDate.of(2026, 3, 16)));

        TestProducer.publish(flagged);
        TestProducer.publish(MONITORING, "corr-emp", new HouseholdRiskEliminated(household, WEINING, new BigDecimal("9000"), 6,
                "case-2", LocalDate.of(2026, 10, 1)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> seekersOf(household)
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].seekerId").isEqualTo(household + ":m-1")
                .jsonPath("$[0].priority").isEqualTo("MONITORED_HOUSEHOLD")
                .jsonPath("$[0].registeredOn").isEqualTo("2026-03-16")
                .jsonPath("$[0].willingness").isEqualTo("IN_PROVINCE")
                .jsonPath("$[1].labourCapacity").isEqualTo("WEAK_OR_HALF")
                .jsonPath("$[0].monitored").isEqualTo(false));

        // the county's office and its cadre see them; another county's office sees nothing of them
        as("county-520526", "520526", "COUNTY_OFFICIAL").get().uri("/api/v1/job-seekers?householdId={id}", household).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(2);
        WebTestClient yongdeng = as("county-620121", "620121", "COUNTY_OFFICIAL");
        yongdeng.get().uri("/api/v1/job-seekers?householdId={id}", household).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
        yongdeng.get().uri("/api/v1/job-seekers?countyCode=520526").exchange().expectStatus().isNotFound();
        yongdeng.get().uri("/api/v1/job-seekers/{id}", household + ":m-1").exchange().expectStatus().isNotFound();
        as("county-520526", "520526", "COUNTY_OFFICIAL").get().uri("/api/v1/job-seekers/{id}", household + ":m-1").exchange()
                .expectStatus().isOk();
    }

    @Test
    void a_malformed_county_code_in_a_query_is_a_problem_naming_the_parameter() {
        http.get().uri("/api/v1/job-seekers?countyCode=52A").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("countyCode");
    }

    private WebTestClient.BodyContentSpec seekersOf(String household) {
        return http.get().uri("/api/v1/job-seekers?householdId={id}", household).exchange().expectStatus().isOk().expectBody();
    }
}
