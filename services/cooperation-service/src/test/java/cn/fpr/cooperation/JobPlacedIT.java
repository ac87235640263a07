package cn.fpr.cooperation;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.labour.JobLost;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestProducer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import static org.awaitility.Awaitility.await;

/** Cross-region placements count toward their pairing's labour transfer, once each. */
@CooperationServiceTest
class JobPlacedIT extends ServiceIntegrationTest {

    private static final String EMPLOYMENT = "/fpr/employment-service";




    @Test
    void guangdong_guizhou_counts_its_transfers_once_and_knows_who_is_still_in_work() {
        EventEnvelope<JobPlaced> first = TestProducer.publish(EMPLOYMENT, "corr-1", placed("pl-1", "hh-1", true));
        TestProducer.publish(first);
        TestProducer.publish(EMPLOYMENT, "corr-2", placed("pl-2", "hh-2", true));
        TestProducer.publish(EMPLOYMENT, "corr-3", placed("pl-3", "hh-3", false));
        TestProducer.publish(EMPLOYMENT, "corr-4", new JobLost("pl-2", "hh-2", "m-1", LocalDate.of(2026, 6, 30), "contract ended"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/api/v1/pairings/{id}/labour-transfers", "pair-44-52").exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.transferred").isEqualTo(2)
                        .jsonPath("$.inWork").isEqualTo(1));
    }

    private static JobPlaced placed(String placementId, String household, boolean crossRegion) {
        return new JobPlaced(placementId, household, "m-1", OpeningKind.EAST_WEST_LABOUR_OFFER, "440306",
                new BigDecimal("5200"), LocalDate.of(2026, 4, 1), crossRegion, "pair-44-52");
    }
}
