package cn.fpr.industry;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.FundSource;
import cn.fpr.contracts.Topics;
import cn.fpr.contracts.county.IndustryShareShortfall;
import cn.fpr.contracts.pairing.FundsAllocated;
import cn.fpr.contracts.project.FundsAllocatedToProject;
import cn.fpr.contracts.project.ProjectApproved;
import cn.fpr.contracts.support.DividendPaid;
import cn.fpr.testsupport.FixedClock;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestProducer;
import cn.fpr.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The project database, east–west funds, the industry share, and dividends to linked households. */
@SpringBootTest(classes = IndustryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=industry")
@Import(cn.fpr.testsupport.MutableClock.Configuration.class)
class ProjectsIT extends ServiceIntegrationTest {

    @Test
    void an_approved_project_is_funded_from_the_east_west_aid_the_county_received() {
        String project = approvedProject("520526", "INDUSTRY", 1_200_000);
        ProjectApproved approved = payload(Topics.PROJECT.name(), project, "project-approved");
        assertThat(approved.budgetYuan()).isEqualByComparingTo("1200000");

        TestProducer.publish("/fpr/cooperation-service", "corr-funds", new FundsAllocated("fa-2026-1", "pair-44-52", "520526",
                new BigDecimal("2000000"), "potato value chain", 2026, LocalDate.of(2026, 3, 1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/v1/fund-pools/520526/2026").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.receipts.length()").isEqualTo(1));

        fund(project, "ew-1", FundSource.EAST_WEST_AID, 500_000, 200);
        fund(project, "ew-1", FundSource.EAST_WEST_AID, 500_000, 200);
        fund(project, "ew-2", FundSource.EAST_WEST_AID, 1_600_000, 422);

        FundsAllocatedToProject allocated = payload(Topics.PROJECT.name(), project, "funds-allocated-to-project");
        assertThat(allocated.source()).isEqualTo(FundSource.EAST_WEST_AID);
        http.get().uri("/api/v1/projects/{id}", project).exchange().expectBody().jsonPath("$.fundedYuan").isEqualTo(500000);
        http.get().uri("/api/v1/fund-pools/520526/2026").exchange().expectBody().jsonPath("$.draws.length()").isEqualTo(1);
    }

    @Test
    void a_county_spending_too_little_of_its_central_funds_on_industry_is_listed_and_announced() {
        String industry = approvedProject("620121", "INDUSTRY", 5_500_000);
        String roads = approvedProject("620121", "INFRASTRUCTURE", 4_500_000);
        fund(industry, "c-1", FundSource.CENTRAL_CONNECTION_FUNDS, 5_500_000, 200);
        fund(roads, "c-2", FundSource.CENTRAL_CONNECTION_FUNDS, 4_500_000, 200);

        http.get().uri("/api/v1/industry-share?year=2026&shortfallOnly=true").exchange().expectBody()
                .jsonPath("$[?(@.countyCode == '620121')].sharePercent").isEqualTo(List.of(55.0))
                .jsonPath("$[?(@.countyCode == '620121')].keyCounty").isEqualTo(List.of(true));
        post("/api/v1/industry-share/announcements?year=2026", Map.of(), 200);
        post("/api/v1/industry-share/announcements?year=2026", Map.of(), 200).jsonPath("$.count").isEqualTo(0);

        IndustryShareShortfall shortfall = payload(Topics.COUNTY.name(), "620121", "industry-share-shortfall");
        assertThat(shortfall.minimumPercent()).isEqualByComparingTo("60");
    }

    @Test
    void a_completed_project_pays_its_shareholding_households_a_dividend_and_an_unfunded_one_rolls_over() {
        String project = approvedProject("520526", "INDUSTRY", 800_000);
        fund(project, "c-9", FundSource.CENTRAL_CONNECTION_FUNDS, 800_000, 200);
        post("/api/v1/projects/" + project + "/completion", Map.of("assets", List.of(Map.of("name", "tea processing line",
                "valueYuan", 780000, "owner", "village collective"))), 200).jsonPath("$.linkageMissing").isEqualTo(true);
        post("/api/v1/operators", Map.of("operatorId", "coop-weining-tea", "name", "Weining tea cooperative",
                "kind", "COOPERATIVE", "countyCode", "520526"), 201);
        post("/api/v1/projects/" + project + "/linkages", Map.of("householdId", "hh-520526-shares", "mode", "DIVIDEND",
                "operatorId", "coop-weining-tea"), 200);
        post("/api/v1/projects/" + project + "/linkages", Map.of("householdId", "hh-520526-other", "mode", "EMPLOYMENT",
                "operatorId", "no-such-operator"), 422).jsonPath("$.errors[0].field").isEqualTo("operatorId");

        post("/api/v1/projects/" + project + "/dividends", Map.of("period", "2026-H1", "amountPerHouseholdYuan", 600), 200)
                .jsonPath("$.count").isEqualTo(1);
        DividendPaid paid = payload(Topics.HOUSEHOLD_SUPPORT.name(), "hh-520526-shares", "dividend-paid");
        assertThat(paid.amountYuan()).isEqualByComparingTo("600");
        assertThat(paid.period()).isEqualTo("2026-H1");

        String waiting = approvedProject("520526", "EMPLOYMENT", 300_000);
        post("/api/v1/projects/rollover?year=2026", Map.of(), 200);
        http.get().uri("/api/v1/projects/{id}", waiting).exchange().expectBody()
                .jsonPath("$.year").isEqualTo(2027).jsonPath("$.rolledOverFrom[0]").isEqualTo(2026);
        http.get().uri("/api/v1/projects/{id}", project).exchange().expectBody().jsonPath("$.year").isEqualTo(2026);
    }

    @Test
    void the_county_cannot_approve_what_the_township_has_not_reviewed_and_each_decision_names_its_taker_from_the_token() {
        String project = id(post("/api/v1/projects", Map.of("countyCode", "520526", "villageCode", "520526100201",
                "name", "cattle shed", "category", "INDUSTRY", "budgetYuan", 300000, "year", 2026), 201));
        WebTestClient county = as("county-official-li", "520526", "COUNTY_OFFICIAL");
        WebTestClient township = as("township-reviewer-zhao", "520526100", "TOWNSHIP_REVIEWER");
        Map<String, Object> approval = Map.of("approve", true, "reason", "ok");

        county.post().uri("/api/v1/projects/{id}/decisions", project).contentType(MediaType.APPLICATION_JSON).bodyValue(approval)
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("TOWNSHIP_REVIEWER"));
        // another county's office sees nothing of it and decides nothing on it
        WebTestClient gansu = as("county-official-yongdeng", "620121", "COUNTY_OFFICIAL");
        gansu.get().uri("/api/v1/projects/{id}", project).exchange().expectStatus().isNotFound();
        gansu.get().uri("/api/v1/projects?countyCode=520526").exchange().expectStatus().isNotFound();
        gansu.get().uri("/api/v1/projects").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[*].projectId").value(ids -> assertThat((List<String>) ids).doesNotContain(project));
        as("township-reviewer-gansu", "620121100", "TOWNSHIP_REVIEWER").post().uri("/api/v1/projects/{id}/decisions", project)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(approval).exchange().expectStatus().isNotFound();
        // a body naming another role and actor changes nothing: both come from the token
        township.post().uri("/api/v1/projects/{id}/decisions", project).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("approve", true, "reason", "fits the plan", "role", "COUNTY_OFFICIAL", "actorId", "someone-else"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("TOWNSHIP_REVIEWED")
                .jsonPath("$.decisions[0].role").isEqualTo("TOWNSHIP_REVIEWER")
                .jsonPath("$.decisions[0].actorId").isEqualTo("township-reviewer-zhao");
        township.post().uri("/api/v1/projects/{id}/decisions", project).contentType(MediaType.APPLICATION_JSON).bodyValue(approval)
                .exchange().expectStatus().isForbidden();
        county.post().uri("/api/v1/projects/{id}/decisions", project).contentType(MediaType.APPLICATION_JSON).bodyValue(approval)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPROVED")
                .jsonPath("$.decisions[1].actorId").isEqualTo("county-official-li");
        // both decisions are on the audit trail (refused attempts changed nothing and are not)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("operator-chen", "000000", "OPERATOR").get()
                .uri("/api/v1/audit?action=project-decision&subject={id}", project).exchange().expectBody()
                .jsonPath("$[*].actor").value(actors -> assertThat((List<String>) actors)
                        .containsExactlyInAnyOrder("county-official-li", "township-reviewer-zhao"))
                .jsonPath("$[*].region").value(regions -> assertThat((List<String>) regions).containsOnly("520526100201")));
    }

    private String approvedProject(String county, String category, int budget) {
        String project = id(post("/api/v1/projects", Map.of("countyCode", county, "villageCode", county + "100201",
                "name", category.toLowerCase() + " project", "category", category, "budgetYuan", budget, "year", 2026), 201));
        post("/api/v1/projects/" + project + "/decisions", Map.of("approve", true, "reason", "fits the township plan"), 200);
        post("/api/v1/projects/" + project + "/decisions", Map.of("approve", true, "reason", "approved at the county meeting"), 200)
                .jsonPath("$.status").isEqualTo("APPROVED");
        return project;
    }

    private void fund(String project, String reference, FundSource source, int amount, int status) {
        post("/api/v1/projects/" + project + "/funding", Map.of("reference", reference, "source", source, "amountYuan", amount), status);
    }

    private WebTestClient.BodyContentSpec post(String uri, Object body, int status) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody();
    }

    private static String id(WebTestClient.BodyContentSpec body) {
        return new String(body.returnResult().getResponseBody(), StandardCharsets.UTF_8)
                .replaceAll("(?s).*\"projectId\":\"([^\"]+)\".*", "$1");
    }

    @SuppressWarnings("unchecked")
    private static <E> E payload(String topic, String key, String type) {
        ConsumerRecord<String, byte[]> record = TopicReader.awaitRecords(topic, 1,
                r -> key.equals(r.key()) && type.equals(TopicReader.header(r, CloudEventHeaders.TYPE))).get(0);
        return (E) EventCodec.decode(type, record.value());
    }
}
