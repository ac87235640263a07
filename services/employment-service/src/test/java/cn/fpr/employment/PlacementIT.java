package cn.fpr.employment;

import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.labour.JobLost;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.labour.TrainingCompleted;
import cn.fpr.contracts.labour.ZeroEmploymentHouseholdDetected;
import cn.fpr.contracts.pairing.LabourOfferPosted;
import cn.fpr.testsupport.TestProducer;
import cn.fpr.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Openings, placements and what follows from them, on the real broker and store. */
class PlacementIT extends EmploymentServiceTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void an_east_west_labour_offer_becomes_an_opening_and_a_placement_through_it_publishes_a_cross_region_job_placed() {
        String household = flaggedHousehold(List.of("welding"), 1);
        http.patch().uri("/api/v1/job-seekers/{id}", household + ":m-1").bodyValue(Map.of("willingness", "CROSS_PROVINCE"))
                .exchange().expectStatus().isOk();
        TestProducer.publish("/fpr/cooperation-service", "corr-offer", new LabourOfferPosted("offer-77", "pair-44-52",
                "Shenzhen electronics plant", "440306", 40, new BigDecimal("5200"), List.of("welding"), LocalDate.of(2026, 6, 30)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/v1/openings/offer-offer-77").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.kind").isEqualTo("EAST_WEST_LABOUR_OFFER")
                .jsonPath("$.pairingId").isEqualTo("pair-44-52"));
        http.get().uri("/api/v1/openings/offer-offer-77/matches").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.seekerId == '" + household + ":m-1')].distance").isEqualTo(List.of("CROSS_PROVINCE"));

        post("/api/v1/openings/offer-offer-77/placements", Map.of("seekerId", household + ":m-1", "startDate", "2026-04-01"), 201);

        JobPlaced placed = payload(published(household, "job-placed", 1).get(0));
        assertThat(placed.crossRegion()).isTrue();
        assertThat(placed.pairingId()).isEqualTo("pair-44-52");
        assertThat(placed.openingKind()).isEqualTo(OpeningKind.EAST_WEST_LABOUR_OFFER);
        assertThat(placed.monthlyWageYuan()).isEqualByComparingTo("5200");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/v1/job-seekers/{id}", household + ":m-1")
                .exchange().expectBody().jsonPath("$.employed").isEqualTo(true));
        http.get().uri("/api/v1/indicators/employment?region=520526&month=2026-04").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.byChannel.CROSS_PROVINCE").value(n -> assertThat((Integer) n).isPositive())
                .jsonPath("$.target").isEqualTo(60000);
    }

    @Test
    void two_requests_racing_for_the_last_place_one_wins_and_the_other_is_told_no_place_is_left() {
        String first = flaggedHousehold(List.of(), 1);
        String second = flaggedHousehold(List.of(), 1);
        String opening = postForId("/api/v1/openings", Map.of("kind", "ENTERPRISE", "employer", "Weining potato processing",
                "workCountyCode", "520526", "capacity", 1, "monthlyWageYuan", 2800), "openingId");

        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBearerAuth(TestTokens.everything())).build();
        List<Integer> statuses = Mono.zip(place(client, opening, first + ":m-1"), place(client, opening, second + ":m-1"),
                (a, b) -> List.of(a, b)).block(Duration.ofSeconds(30));

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        http.get().uri("/api/v1/openings/{id}", opening).exchange().expectBody()
                .jsonPath("$.placesTaken").isEqualTo(1).jsonPath("$.placements.length()").isEqualTo(1);
    }

    @Test
    void the_only_worker_of_a_relocated_household_losing_the_job_makes_it_a_zero_employment_household_at_once() {
        String household = flaggedHousehold(List.of(), 1);
        post("/api/v1/relocation-sites", Map.of("siteId", "site-520526-01", "name", "Weining relocation site No. 1",
                "countyCode", "520526"), 201);
        String opening = postForId("/api/v1/openings", Map.of("kind", "ASSISTANCE_WORKSHOP", "employer", "bamboo weaving workshop",
                "workCountyCode", "520526", "capacity", 30, "monthlyWageYuan", 2400, "workshopType", "HOME_BASED",
                "accidentInsurance", true), "openingId");
        String placement = postForId("/api/v1/openings/" + opening + "/placements",
                Map.of("seekerId", household + ":m-1", "startDate", "2026-03-16"), "placementId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/v1/job-seekers/{id}", household + ":m-1")
                .exchange().expectBody().jsonPath("$.employed").isEqualTo(true));
        post("/api/v1/relocation-sites/site-520526-01/households", Map.of("householdId", household, "labourMembers", List.of("m-1")), 201)
                .jsonPath("$.zeroEmployment").isEqualTo(false);

        post("/api/v1/placements/" + placement + "/loss", Map.of("lostOn", "2026-03-16", "reason", "workshop order book empty"), 200);

        JobLost lost = payload(published(household, "job-lost", 1).get(0));
        assertThat(lost.reason()).isEqualTo("workshop order book empty");
        ZeroEmploymentHouseholdDetected zero = payload(published(household, "zero-employment-household-detected", 1).get(0));
        assertThat(zero.siteId()).isEqualTo("site-520526-01");
        http.get().uri("/api/v1/relocation-sites/site-520526-01/households?zeroEmployment=true").exchange().expectBody()
                .jsonPath("$[?(@.householdId == '" + household + "')].zeroEmploymentSince").isEqualTo(List.of("2026-03-16"));
        http.get().uri("/api/v1/openings/{id}", opening).exchange().expectBody()
                .jsonPath("$.compliant").isEqualTo(false);
    }

    @Test
    void a_completed_course_publishes_training_completed_and_a_second_completion_is_refused() {
        String household = flaggedHousehold(List.of(), 1);
        String training = postForId("/api/v1/trainings", Map.of("course", "electric welding", "countyCode", "520526",
                "startsOn", "2026-02-01"), "trainingId");

        post("/api/v1/trainings/" + training + "/completions", Map.of("seekerId", household + ":m-1", "certified", true,
                "completedOn", "2026-03-01"), 201);
        post("/api/v1/trainings/" + training + "/completions", Map.of("seekerId", household + ":m-1", "certified", true,
                "completedOn", "2026-03-01"), 422).jsonPath("$.errors[0].field").isEqualTo("seekerId");

        TrainingCompleted completed = payload(published(household, "training-completed", 1).get(0));
        assertThat(completed.course()).isEqualTo("electric welding");
        assertThat(completed.certified()).isTrue();
    }

    @Test
    void a_placement_for_someone_who_may_not_take_the_post_names_the_reason() {
        String household = flaggedHousehold(List.of(), 1);
        String post = postForId("/api/v1/openings", Map.of("kind", "PUBLIC_WELFARE_POST", "employer", "village road keeping",
                "workCountyCode", "520526", "capacity", 5, "monthlyWageYuan", 800), "openingId");

        post("/api/v1/openings/" + post + "/placements", Map.of("seekerId", household + ":m-1", "startDate", "2026-04-01"), 422)
                .jsonPath("$.detail").isEqualTo("seekerId: public-welfare posts are for weak or half labour");
    }

    @Test
    void the_service_describes_its_api_in_openapi() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/openings/{openingId}/placements']").exists()
                .jsonPath("$.paths['/api/v1/relocation-sites/{siteId}/households']").exists();
    }

    private static Mono<Integer> place(WebClient client, String opening, String seekerId) {
        return client.post().uri("/api/v1/openings/{id}/placements", opening).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("seekerId", seekerId, "startDate", "2026-04-01"))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode()))
                .map(HttpStatusCode::value);
    }
}
