package cn.fpr.consultation;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.contracts.household.Region;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestProducer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Household events become KPIs per region; duplicates do not inflate them. */
@SpringBootTest(classes = ConsultationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=consultation")
class HouseholdReadModelIT extends ServiceIntegrationTest {

    private static final String MONITORING = "/fpr/monitoring-service";




    @Test
    void a_county_counts_each_monitored_and_eliminated_household_once() {
        // a synthetic county code (no real Guizhou county ends in 99), used by this test alone
        Region region = new Region("520000", "520599", "520599100", "520599100201");
        String first = "hh-" + UUID.randomUUID();
        String second = "hh-" + UUID.randomUUID();
        EventEnvelope<HouseholdFlagged> firstFlagged = TestProducer.publish(MONITORING, "corr-c1",
                flagged(first, region, HouseholdCategory.SUDDEN_HARDSHIP));
        TestProducer.publish(firstFlagged);
        TestProducer.publish(MONITORING, "corr-c2", flagged(second, region, HouseholdCategory.MARGINAL));
        TestProducer.publish(MONITORING, "corr-c3",
                new HouseholdRiskEliminated(second, region, new BigDecimal("9100"), 6, "case-9", LocalDate.of(2026, 10, 9)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> kpis(region.countyCode())
                .jsonPath("$.level").isEqualTo("COUNTY")
                .jsonPath("$.monitored").isEqualTo(1)
                .jsonPath("$.riskEliminated").isEqualTo(1)
                .jsonPath("$.monitoredByCategory.SUDDEN_HARDSHIP").isEqualTo(1));
        http.get().uri("/api/v1/households/{id}", second).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RISK_ELIMINATED").jsonPath("$.eliminatedOn").isEqualTo("2026-10-09");
    }

    @Test
    void a_region_code_of_no_known_shape_is_a_problem_naming_the_parameter() {
        http.get().uri("/api/v1/kpis/households?region=52").exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("region");
    }

    private WebTestClient.BodyContentSpec kpis(String region) {
        return http.get().uri("/api/v1/kpis/households?region={r}", region).exchange().expectStatus().isOk().expectBody();
    }

    private static HouseholdFlagged flagged(String household, Region region, HouseholdCategory category) {
        return new HouseholdFlagged(household, region, category, List.of(RiskType.ILLNESS), new BigDecimal("1200"),
                new BigDecimal("7300"), false, List.of(), List.of(), "case-" + household, LocalDate.of(2026, 3, 16));
    }

}
