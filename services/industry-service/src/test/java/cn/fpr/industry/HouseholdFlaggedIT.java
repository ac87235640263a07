package cn.fpr.industry;

import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.household.HouseholdFlagged;
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

/** household-flagged tells industry which households may be offered microcredit. */
@SpringBootTest(classes = IndustryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=industry")
class HouseholdFlaggedIT extends ServiceIntegrationTest {




    @Test
    void a_marginal_household_in_guangxi_is_known_but_not_eligible_while_one_in_guizhou_is() {
        String guangxi = "hh-" + UUID.randomUUID();
        String guizhou = "hh-" + UUID.randomUUID();
        publish(flagged(guangxi, new Region("450000", "450326", "450326100", "450326100201")));
        publish(flagged(guizhou, new Region("520000", "520526", "520526100", "520526100201")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            borrower(guangxi).jsonPath("$.eligible").isEqualTo(false).jsonPath("$.monitored").isEqualTo(true);
            borrower(guizhou).jsonPath("$.eligible").isEqualTo(true);
        });
        http.get().uri("/api/v1/borrowers/{id}", "hh-unknown").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    private WebTestClient.BodyContentSpec borrower(String household) {
        return http.get().uri("/api/v1/borrowers/{id}", household).exchange().expectStatus().isOk().expectBody();
    }

    private static HouseholdFlagged flagged(String household, Region region) {
        return new HouseholdFlagged(household, region, HouseholdCategory.MARGINAL, List.of(RiskType.INDUSTRY_FAILURE),
                new BigDecimal("5200"), new BigDecimal("7000"), false, List.of(), List.of(), "case-" + household,
                LocalDate.of(2026, 3, 16));
    }

    private static void publish(HouseholdFlagged event) {
        TestProducer.publish("/fpr/monitoring-service", "corr-industry", event);
    }
}
