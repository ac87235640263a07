package cn.fpr.industry;

import cn.fpr.contracts.AssistanceNeed;
import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.Topics;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdRegistered;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.contracts.household.LabourMember;
import cn.fpr.contracts.household.Region;
import cn.fpr.contracts.support.LoanIssued;
import cn.fpr.contracts.support.LoanOverdue;
import cn.fpr.testsupport.MutableClock;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestProducer;
import cn.fpr.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Offers from monitoring's events and the microcredit lifecycle, on the real broker and store. */
@SpringBootTest(classes = IndustryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=industry")
@Import(MutableClock.Configuration.class)
class MicrocreditIT extends ServiceIntegrationTest {

    private static final String MONITORING = "/fpr/monitoring-service";
    private static final Region GUANGXI = new Region("450000", "450326", "450326100", "450326100201");
    private static final Region GUIZHOU = new Region("520000", "520526", "520526100", "520526100201");
    private static final LocalDate DAY_ONE = LocalDate.of(2026, 3, 16);

    @Autowired
    MutableClock clock;

    @BeforeEach
    void dayOne() {
        clock.setDay(DAY_ONE);
    }

    @Test
    void a_household_whose_industry_failed_gets_an_offer_eligible_where_its_province_lends_and_exit_closes_it() {
        String guangxi = flagged(GUANGXI, HouseholdCategory.MARGINAL);
        String guizhou = flagged(GUIZHOU, HouseholdCategory.MARGINAL);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            household(guangxi).jsonPath("$.offer.status").isEqualTo("OPEN").jsonPath("$.offer.microcreditEligible").isEqualTo(false);
            household(guizhou).jsonPath("$.offer.microcreditEligible").isEqualTo(true);
        });
        http.get().uri("/api/v1/offers?countyCode=450326").exchange().expectBody()
                .jsonPath("$[?(@.householdId == '" + guangxi + "')].offer.linkageCandidate").isEqualTo(List.of(true));

        TestProducer.publish(MONITORING, "corr-exit", new HouseholdRiskEliminated(guizhou, GUIZHOU, new BigDecimal("9100"), 6,
                "case-exit", LocalDate.of(2026, 10, 9)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> household(guizhou)
                .jsonPath("$.offer.status").isEqualTo("CLOSED").jsonPath("$.offer.closedOn").isEqualTo("2026-10-09"));
    }

    @Test
    void a_loan_is_applied_for_approved_disbursed_and_a_payment_missed_past_its_grace_period_is_announced_overdue() {
        String household = flagged(GUIZHOU, HouseholdCategory.UNSTABLE_LIFTED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> household(household).jsonPath("$.monitored").isEqualTo(true));

        String loan = loanId(post("/api/v1/loans", Map.of("householdId", household, "borrowerMemberId", "m-1", "amountYuan", 30000,
                "termMonths", 12, "purpose", "BREEDING"), 201).jsonPath("$.annualRatePercent").isEqualTo(3.0));
        post("/api/v1/loans", Map.of("householdId", household, "borrowerMemberId", "m-1", "amountYuan", 25000,
                "termMonths", 24, "purpose", "PLANTING"), 422).jsonPath("$.errors[0].field").isEqualTo("amountYuan");
        post("/api/v1/loans/" + loan + "/disbursement", Map.of(), 422).jsonPath("$.errors[0].field").isEqualTo("loanId");
        // another county's office: the loan answers as one that does not exist, and its decision changes nothing
        WebTestClient yongdeng = as("county-official-yongdeng", "620121", "COUNTY_OFFICIAL");
        String outside = new String(yongdeng.get().uri("/api/v1/loans/{id}", loan).exchange().expectStatus().isNotFound()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(outside).doesNotContain(household).contains("no loan " + loan);
        yongdeng.post().uri("/api/v1/loans/{id}/decision", loan).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("approve", true, "reason", "looks fine")).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/loans/{id}", loan).exchange().expectBody().jsonPath("$.status").isEqualTo("APPLIED");
        // the county's own officer decides; who decided is the token's subject, not a field of the body
        as("county-official-li", "520526", "COUNTY_OFFICIAL").post().uri("/api/v1/loans/{id}/decision", loan)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("approve", true, "officerId", "someone-else", "reason", "cattle plan checked"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPROVED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("operator-chen", "000000", "OPERATOR").get()
                .uri("/api/v1/audit?action=loan-decision&subject={id}", loan).exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].actor").isEqualTo("county-official-li")
                .jsonPath("$[0].detail").isEqualTo("approved")
                .jsonPath("$[0].region").isEqualTo("520526100201"));
        post("/api/v1/loans/" + loan + "/disbursement", Map.of(), 200)
                .jsonPath("$.instalments.length()").isEqualTo(4)
                .jsonPath("$.instalments[3].principalYuan").isEqualTo(30000);

        LoanIssued issued = payload(Topics.HOUSEHOLD_SUPPORT.name(), household, "loan-issued");
        assertThat(issued.amountYuan()).isEqualByComparingTo("30000");
        assertThat(issued.issuedOn()).isEqualTo(DAY_ONE);

        // the first interest falls due on 16 June; the subsidy pays it all, so nothing is owed until maturity
        clock.setDay(LocalDate.of(2027, 3, 16).plusDays(31));
        post("/api/v1/loans/overdue-scan", Map.of(), 200).jsonPath("$.announced").isEqualTo(1);
        LoanOverdue overdue = payload(Topics.HOUSEHOLD_SUPPORT.name(), household, "loan-overdue");
        assertThat(overdue.overdueAmountYuan()).isEqualByComparingTo("30000");
        assertThat(overdue.daysOverdue()).isEqualTo(31);
        post("/api/v1/loans/overdue-scan", Map.of(), 200).jsonPath("$.announced").isEqualTo(0);

        post("/api/v1/loans/" + loan + "/repayments", Map.of("amountYuan", 30000), 200).jsonPath("$.status").isEqualTo("SETTLED");
    }

    @Test
    void a_registered_household_lifted_from_poverty_may_borrow_before_it_is_ever_monitored_and_others_may_not() {
        String lifted = "hh-520526-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String never = "hh-520526-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<LabourMember> worker = List.of(new LabourMember("m-1", 1990, LabourCapacity.FULL, List.of("tea")));
        TestProducer.publish(MONITORING, "corr-reg-1", new HouseholdRegistered(lifted, GUIZHOU, true, worker, DAY_ONE));
        TestProducer.publish(MONITORING, "corr-reg-2", new HouseholdRegistered(never, GUIZHOU, false, worker, DAY_ONE));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> household(never).jsonPath("$.monitored").isEqualTo(false));

        post("/api/v1/loans", Map.of("householdId", lifted, "borrowerMemberId", "m-1", "amountYuan", 10000,
                "termMonths", 12, "purpose", "PLANTING"), 201);
        post("/api/v1/loans", Map.of("householdId", never, "borrowerMemberId", "m-1", "amountYuan", 10000,
                "termMonths", 12, "purpose", "PLANTING"), 422).jsonPath("$.errors[0].field").isEqualTo("householdId");
    }

    @Test
    void a_loan_for_a_wedding_is_refused_naming_the_purpose() {
        String household = flagged(GUIZHOU, HouseholdCategory.UNSTABLE_LIFTED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> household(household).jsonPath("$.monitored").isEqualTo(true));

        post("/api/v1/loans", Map.of("householdId", household, "borrowerMemberId", "m-1", "amountYuan", 20000,
                "termMonths", 12, "purpose", "WEDDING"), 422)
                .jsonPath("$.detail").isEqualTo("purpose: microloans are for production, not WEDDING");
    }

    @Test
    void the_service_describes_its_api_in_openapi() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/loans/{loanId}/disbursement']").exists();
    }

    private String flagged(Region region, HouseholdCategory category) {
        String household = "hh-" + region.countyCode() + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestProducer.publish(MONITORING, "corr-" + household, new HouseholdFlagged(household, region, category,
                List.of(RiskType.INDUSTRY_FAILURE), new BigDecimal("4200"), new BigDecimal("7300"), true,
                List.of(new LabourMember("m-1", 1984, LabourCapacity.FULL, List.of("cattle"))),
                List.of(AssistanceNeed.INDUSTRY_SUPPORT, AssistanceNeed.MICROCREDIT, AssistanceNeed.TECHNICAL_HELP),
                "case-" + household, DAY_ONE));
        return household;
    }

    private WebTestClient.BodyContentSpec household(String householdId) {
        return http.get().uri("/api/v1/households/{id}", householdId).exchange().expectStatus().isOk().expectBody();
    }

    private WebTestClient.BodyContentSpec post(String uri, Object body, int status) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody();
    }

    private static String loanId(WebTestClient.BodyContentSpec body) {
        String json = new String(body.returnResult().getResponseBody(), StandardCharsets.UTF_8);
        return json.replaceAll("(?s).*\"loanId\":\"(loan-[^\"]+)\".*", "$1");
    }

    @SuppressWarnings("unchecked")
    private static <E> E payload(String topic, String household, String type) {
        ConsumerRecord<String, byte[]> record = TopicReader.awaitRecords(topic, 1,
                r -> household.equals(r.key()) && type.equals(TopicReader.header(r, CloudEventHeaders.TYPE))).get(0);
        return (E) EventCodec.decode(type, record.value());
    }
}
