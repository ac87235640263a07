package cn.fpr.cooperation;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.Topics;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.pairing.AgreementSigned;
import cn.fpr.contracts.pairing.FundsAllocated;
import cn.fpr.contracts.pairing.LabourOfferPosted;
import cn.fpr.contracts.pairing.PairingDeclineDetected;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestProducer;
import cn.fpr.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pairings, annual agreements and their facts, progress and assessment, on the real broker and store. */
@CooperationServiceTest
class AgreementsIT extends ServiceIntegrationTest {

    @Test
    void the_2021_province_pairings_are_there_and_a_county_pairing_must_lie_within_its_provinces() {
        http.get().uri("/api/v1/pairings?level=PROVINCE").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(11)
                .jsonPath("$[?(@.pairingId == 'pair-44-52')].west.name").isEqualTo(List.of("Guizhou"));

        post("/api/v1/pairings", Map.of("pairingId", "pair-440306-520526", "level", "COUNTY_COUNTY", "parentId", "pair-44-52",
                "east", Map.of("code", "440306", "name", "Bao'an, Shenzhen"), "west", Map.of("code", "520526", "name", "Weining")), 201);
        post("/api/v1/pairings", Map.of("pairingId", "pair-wrong", "level", "COUNTY_COUNTY", "parentId", "pair-44-52",
                "east", Map.of("code", "330106", "name", "Xihu, Hangzhou"), "west", Map.of("code", "520526", "name", "Weining")), 422)
                .jsonPath("$.errors[0].field").isEqualTo("parentId");
    }

    @Test
    void facts_are_recorded_once_published_for_the_other_services_and_counted_toward_the_targets() {
        post("/api/v1/pairings/pair-44-45/agreements", Map.of("year", 2026, "targets", Map.of("FISCAL_AID_YUAN", 2000000,
                "LABOUR_TRANSFERRED", 4, "CONSUMPTION_PURCHASES_YUAN", 1000000),
                "tasks", List.of(Map.of("taskId", "t-1", "description", "open a labour service station in Nanning", "owner",
                        "Guangdong labour office", "deadline", "2026-06-30"))), 201);
        AgreementSigned signed = payload("pair-44-45", "agreement-signed");
        assertThat(signed.fiscalAidTargetYuan()).isEqualByComparingTo("2000000");

        Map<String, Object> transfer = Map.of("reference", "fa-44-45-1", "receivingCountyCode", "450326", "amountYuan", 1500000,
                "purpose", "sugar-cane processing", "on", "2026-03-10");
        post("/api/v1/pairings/pair-44-45/agreements/2026/fund-transfers", transfer, 200);
        post("/api/v1/pairings/pair-44-45/agreements/2026/fund-transfers", transfer, 200).jsonPath("$.facts.length()").isEqualTo(1);
        FundsAllocated funds = payload("pair-44-45", "funds-allocated");
        assertThat(funds.receivingCountyCode()).isEqualTo("450326");

        post("/api/v1/pairings/pair-44-45/agreements/2026/labour-offers", Map.of("offerId", "offer-dg-1", "employer",
                "Dongguan furniture works", "workRegionCode", "441900", "positions", 30, "monthlyWageYuan", 5000,
                "validUntil", "2026-09-30"), 200);
        LabourOfferPosted offer = payload("pair-44-45", "labour-offer-posted");
        assertThat(offer.positions()).isEqualTo(30);

        post("/api/v1/pairings/pair-44-45/agreements/2026/purchases", Map.of("reference", "cp-1", "buyer", "Guangzhou canteens",
                "product", "Guangxi mangoes", "amountYuan", 250000, "on", "2026-04-02"), 200);
        TestProducer.publish("/fpr/employment-service", "corr-placed", new JobPlaced("pl-dg-1", "hh-450326-1", "m-1",
                OpeningKind.EAST_WEST_LABOUR_OFFER, "441900", new BigDecimal("5000"), LocalDate.of(2026, 4, 1), true, "pair-44-45"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/api/v1/pairings/pair-44-45/agreements/2026/progress?month=2026-04").exchange().expectBody()
                        .jsonPath("$.lines.FISCAL_AID_YUAN.percent").isEqualTo(75.0)
                        .jsonPath("$.lines.LABOUR_TRANSFERRED.achieved").isEqualTo(1)
                        .jsonPath("$.lines.CONSUMPTION_PURCHASES_YUAN.percent").isEqualTo(25.0)
                        .jsonPath("$.overall").isEqualTo(41.7));
        http.get().uri("/api/v1/pairings/pair-44-45/agreements/2026/progress?month=2026-02").exchange().expectBody()
                .jsonPath("$.lines.FISCAL_AID_YUAN.achieved").isEqualTo(0);
    }

    @Test
    void funds_falling_below_last_year_are_announced_once_and_cap_the_grade() {
        post("/api/v1/pairings/pair-33-51/agreements", Map.of("year", 2025, "targets", Map.of("FISCAL_AID_YUAN", 3000000,
                "CADRES_EXCHANGED", 100)), 201);
        post("/api/v1/pairings/pair-33-51/agreements/2025/fund-transfers", Map.of("reference", "zj-2025", "receivingCountyCode",
                "513221", "amountYuan", 3000000, "purpose", "highland barley", "on", "2025-05-01"), 200);
        post("/api/v1/pairings/pair-33-51/agreements/2025/dispatches", Map.of("reference", "cd-2025", "eastToWest", true,
                "professionals", false, "people", 100, "on", "2025-03-01"), 200);
        post("/api/v1/pairings/pair-33-51/agreements", Map.of("year", 2026, "targets", Map.of("FISCAL_AID_YUAN", 2500000,
                "CADRES_EXCHANGED", 100)), 201);
        post("/api/v1/pairings/pair-33-51/agreements/2026/fund-transfers", Map.of("reference", "zj-2026", "receivingCountyCode",
                "513221", "amountYuan", 2500000, "purpose", "highland barley", "on", "2026-03-01"), 200);
        post("/api/v1/pairings/pair-33-51/agreements/2026/dispatches", Map.of("reference", "cd-2026", "eastToWest", true,
                "professionals", false, "people", 120, "on", "2026-03-01"), 200);

        post("/api/v1/pairings/pair-33-51/agreements/2026/decline-check", Map.of(), 200).jsonPath("$.count").isEqualTo(1);
        post("/api/v1/pairings/pair-33-51/agreements/2026/decline-check", Map.of(), 200).jsonPath("$.count").isEqualTo(0);
        PairingDeclineDetected decline = payload("pair-33-51", "pairing-decline-detected");
        assertThat(decline.indicator()).isEqualTo("FISCAL_AID_YUAN");
        assertThat(decline.previous()).isEqualByComparingTo("3000000");

        http.get().uri("/api/v1/pairings/pair-33-51/agreements/2026/assessment").exchange().expectBody()
                .jsonPath("$.overall").isEqualTo(100.0)
                .jsonPath("$.grade").isEqualTo("AVERAGE");
    }

    @Test
    void the_service_describes_its_api_in_openapi() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/pairings/{pairingId}/agreements/{year}/fund-transfers']").exists();
    }

    private WebTestClient.BodyContentSpec post(String uri, Object body, int status) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody();
    }

    @SuppressWarnings("unchecked")
    private static <E> E payload(String pairingId, String type) {
        ConsumerRecord<String, byte[]> record = TopicReader.awaitRecords(Topics.PAIRING.name(), 1,
                r -> pairingId.equals(r.key()) && type.equals(TopicReader.header(r, CloudEventHeaders.TYPE))).get(0);
        return (E) EventCodec.decode(type, record.value());
    }
}
