package cn.fpr.monitoring;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.Topics;
import cn.fpr.contracts.household.CaseOpened;
import cn.fpr.contracts.labour.JobLost;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.labour.TrainingCompleted;
import cn.fpr.contracts.labour.ZeroEmploymentHouseholdDetected;
import cn.fpr.contracts.support.DividendPaid;
import cn.fpr.contracts.support.LoanIssued;
import cn.fpr.contracts.support.LoanOverdue;
import cn.fpr.testsupport.TestProducer;
import cn.fpr.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What employment and industry report lands on the household once; a lost job and an overdue loan are risk signals. */
class AssistanceEventsIT extends MonitoringServiceTest {

    private static final String EMPLOYMENT = "/fpr/employment-service";
    private static final String INDUSTRY = "/fpr/industry-service";
    private static final String SUPPORT_DEAD_LETTERS = Topics.deadLetter(Topics.HOUSEHOLD_SUPPORT.name(), "monitoring-service");

    @Test
    void jobs_training_loans_and_dividends_are_recorded_once_and_a_lost_job_then_an_overdue_loan_open_and_join_a_case() {
        String household = registerFamily(12000);
        EventEnvelope<JobPlaced> placed = TestProducer.publish(EMPLOYMENT, "corr-placed", new JobPlaced("pl-1", household, "m-1",
                OpeningKind.ASSISTANCE_WORKSHOP, "520526", new BigDecimal("2600"), LocalDate.of(2026, 1, 5), false, null));
        TestProducer.publish(placed);
        TestProducer.publish(EMPLOYMENT, "corr-training", new TrainingCompleted("tr-1", household, "m-2", "tea picking", true,
                LocalDate.of(2026, 2, 1)));
        TestProducer.publish(INDUSTRY, "corr-loan", new LoanIssued("loan-1", household, new BigDecimal("30000"), 36,
                new BigDecimal("3.45"), "cattle", LocalDate.of(2026, 2, 10)));
        TestProducer.publish(INDUSTRY, "corr-dividend", new DividendPaid("div-1", household, "proj-9", new BigDecimal("600"), "2026-Q1",
                LocalDate.of(2026, 3, 10)));
        TestProducer.publish(EMPLOYMENT, "corr-lost", new JobLost("pl-1", household, "m-1", LocalDate.of(2026, 3, 12),
                "workshop closed"));
        TestProducer.publish(INDUSTRY, "corr-overdue", new LoanOverdue("loan-1", household, new BigDecimal("900"),
                LocalDate.of(2026, 3, 1), 15));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/households/{id}", household)
                .jsonPath("$.signals.length()").isEqualTo(2));
        get("/api/v1/households/{id}", household)
                .jsonPath("$.employments.length()").isEqualTo(1)
                .jsonPath("$.employments[0].endDate").isEqualTo("2026-03-12")
                .jsonPath("$.measures[*].kind").value(kinds -> assertThat((List<String>) kinds)
                        .containsExactlyInAnyOrder("JOB_PLACEMENT", "TRAINING", "MICROCREDIT", "LINKAGE_DIVIDEND"))
                .jsonPath("$.income[0].source").isEqualTo("PROPERTY")
                .jsonPath("$.income[0].month").isEqualTo("2026-03")
                .jsonPath("$.signals[0].outcome").isEqualTo("CASE_OPENED")
                .jsonPath("$.signals[1].outcome").isEqualTo("LINKED_TO_OPEN_CASE")
                .jsonPath("$.cases[0].riskTypes.length()").isEqualTo(2);
        // the two topics keep no order between them: whichever signal came first opened the case, in its own chain
        ConsumerRecord<String, byte[]> opened = published(household, "case-opened", 1).get(0);
        RiskType first = ((CaseOpened) payload(opened)).riskTypes().get(0);
        assertThat(TopicReader.header(opened, CloudEventHeaders.CORRELATION_ID))
                .isEqualTo(first == RiskType.UNSTABLE_EMPLOYMENT ? "corr-lost" : "corr-overdue");
    }

    @Test
    void a_lost_job_whose_wage_the_annual_income_counted_takes_a_year_of_that_wage_out_before_the_risk_is_judged() {
        // a family of three at 36,000 a year, 12,000 a person, above Guizhou's line of 7,300
        String counted = registerFamily(36000);
        String notCounted = registerFamily(36000);
        for (String household : new String[] {counted, notCounted}) {
            TestProducer.publish(EMPLOYMENT, "corr-placed", new JobPlaced("pl-" + household, household, "m-1",
                    OpeningKind.ENTERPRISE, "520526", new BigDecimal("2000"), LocalDate.of(2026, 1, 5), false, null));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/households/{id}", household)
                    .jsonPath("$.employments.length()").isEqualTo(1));
        }
        // the cadre's new figure for one of them is made while the head is in work: it counts his wage
        http.patch().uri("/api/v1/households/{id}", counted).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("annualNetIncomeYuan", 36000)).exchange().expectStatus().isOk();

        for (String household : new String[] {counted, notCounted}) {
            TestProducer.publish(EMPLOYMENT, "corr-lost", new JobLost("pl-" + household, household, "m-1", LocalDate.of(2026, 3, 12),
                    "factory closed"));
        }

        // 36,000 less 24,000 of wages: 4,000 a person, below the line
        assertJudgedOn(counted, 12000, 4000, "CASE_OPENED");
        // the other's 36,000 was reported before the job: losing it leaves the household where it was
        assertJudgedOn(notCounted, 36000, 12000, "NOT_AT_RISK");
    }

    /** The household's one signal was judged on this annual income, this much a person, with this outcome. */
    private void assertJudgedOn(String household, double annualYuan, double perCapitaYuan, String outcome) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/households/{id}", household)
                .jsonPath("$.signals.length()").isEqualTo(1));
        get("/api/v1/households/{id}", household)
                .jsonPath("$.annualNetIncomeYuan").value(yuan -> assertThat(((Number) yuan).doubleValue()).isEqualTo(annualYuan))
                .jsonPath("$.signals[0].perCapitaNetIncomeYuan").value(yuan -> assertThat(((Number) yuan).doubleValue()).isEqualTo(perCapitaYuan))
                .jsonPath("$.signals[0].outcome").isEqualTo(outcome);
    }

    @Test
    void dividends_arriving_together_are_each_recorded_once_and_one_for_an_unknown_household_is_dead_lettered_alone() {
        List<String> households = List.of(registerFamily(12000), registerFamily(12000), registerFamily(12000));
        String unknown = "hh-520526-unknown-" + UUID.randomUUID();

        // sent back to back, so that the service's consumer takes several of them in one poll; the first round twice
        for (int round = 1; round <= 3; round++) {
            for (String household : households) {
                EventEnvelope<DividendPaid> paid = TestProducer.publish(INDUSTRY, "corr-dividends-" + round, new DividendPaid(
                        "div-" + round, household, "proj-9", new BigDecimal(100 * round), "2026-0" + round, LocalDate.of(2026, round, 20)));
                if (round == 1) {
                    TestProducer.publish(paid);
                }
            }
            if (round == 2) {
                TestProducer.publish(INDUSTRY, "corr-dividends-x", new DividendPaid("div-x", unknown, "proj-9", new BigDecimal("100"),
                        "2026-02", LocalDate.of(2026, 2, 20)));
            }
        }

        ConsumerRecord<String, byte[]> dead = TopicReader.awaitRecords(SUPPORT_DEAD_LETTERS, 1, r -> unknown.equals(r.key())).get(0);
        assertThat(TopicReader.header(dead, "x-exception-message")).contains(unknown);
        for (String household : households) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/households/{id}", household)
                    .jsonPath("$.income.length()").isEqualTo(3));
            get("/api/v1/households/{id}", household)
                    .jsonPath("$.income[*].month").value(months -> assertThat((List<String>) months)
                            .containsExactly("2026-01", "2026-02", "2026-03"))
                    .jsonPath("$.income[*].amountYuan").value(amounts -> assertThat(((List<Number>) amounts).stream()
                            .map(Number::intValue).toList()).containsExactly(100, 200, 300))
                    .jsonPath("$.measures.length()").isEqualTo(3);
        }
        assertThat(TopicReader.all(SUPPORT_DEAD_LETTERS)).noneMatch(r -> households.contains(r.key()));
    }

    @Test
    void a_relocated_household_with_nobody_in_work_is_a_risk_signal_of_unstable_employment() {
        String household = registerFamily(15000);

        TestProducer.publish(EMPLOYMENT, "corr-zero", new ZeroEmploymentHouseholdDetected(household, "site-520526-01", "520526", 2,
                DAY_ONE));

        ConsumerRecord<String, byte[]> opened = published(household, "case-opened", 1).get(0);
        assertThat(((CaseOpened) payload(opened)).riskTypes()).containsExactly(RiskType.UNSTABLE_EMPLOYMENT);
        assertThat(TopicReader.header(opened, CloudEventHeaders.CORRELATION_ID)).isEqualTo("corr-zero");
    }

    @Test
    void a_newborn_is_added_and_a_members_labour_changes_over_time() {
        String household = registerFamily(30000);

        http.post().uri("/api/v1/households/{id}/members", household).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(member(idNumber(2026), "CHILD", "NONE", "NOT_IN_SCHOOL_AGE")).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.members.length()").isEqualTo(4).jsonPath("$.members[3].memberId").isEqualTo("m-4");
        http.patch().uri("/api/v1/households/{id}/members/m-2", household).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("labourCapacity", "FULL", "health", "HEALTHY")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.members[1].labourCapacity").isEqualTo("FULL");
        http.patch().uri("/api/v1/households/{id}/members/m-9", household).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("health", "HEALTHY")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("memberId");
    }
}
