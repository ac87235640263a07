package cn.fpr.consultation;

import cn.fpr.contracts.CaseKind;
import cn.fpr.contracts.CaseOutcome;
import cn.fpr.contracts.CaseStep;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.FundSource;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.ProjectCategory;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.household.CaseClosed;
import cn.fpr.contracts.household.CaseOpened;
import cn.fpr.contracts.household.CaseOverdue;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdRegistered;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.contracts.household.LabourMember;
import cn.fpr.contracts.household.Region;
import cn.fpr.contracts.labour.JobLost;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.labour.ZeroEmploymentHouseholdDetected;
import cn.fpr.contracts.pairing.AgreementSigned;
import cn.fpr.contracts.pairing.CadreDispatched;
import cn.fpr.contracts.pairing.FundsAllocated;
import cn.fpr.contracts.project.FundsAllocatedToProject;
import cn.fpr.contracts.support.LoanIssued;
import cn.fpr.contracts.support.LoanOverdue;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A known sequence of events from every service for one county, and the KPIs a consultation
 * meeting sees for it on 2026-03-16; the same numbers after the read models are rebuilt from the topics.
 */
@ConsultationServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelsIT extends ServiceIntegrationTest {

    /** A synthetic county of Guizhou (no real county code ends in 98), used by this test alone. */
    static final String COUNTY = "520598";
    private static final Region REGION = new Region("520000", COUNTY, "520598100", "520598100201");
    private static final String MONITORING = "/fpr/monitoring-service";
    private static final String EMPLOYMENT = "/fpr/employment-service";
    private static final String INDUSTRY = "/fpr/industry-service";
    private static final String COOPERATION = "/fpr/cooperation-service";

    @BeforeAll
    void theCountysMonth() {
        LocalDate march = LocalDate.of(2026, 3, 1);
        TestProducer.publish(MONITORING, "c-1", new HouseholdRegistered("rm-h1", REGION, true,
                List.of(worker("rm-h1-m1"), worker("rm-h1-m2")), LocalDate.of(2021, 1, 5)));
        TestProducer.publish(MONITORING, "c-2", new HouseholdRegistered("rm-h2", REGION, true,
                List.of(worker("rm-h2-m1")), LocalDate.of(2021, 1, 5)));
        TestProducer.publish(MONITORING, "c-3", new HouseholdRegistered("rm-h3", REGION, false, List.of(), LocalDate.of(2022, 6, 1)));
        // h2 flagged in February, its risk eliminated in March; h1 flagged in March (the event arrives twice)
        TestProducer.publish(MONITORING, "c-4", flagged("rm-h2", HouseholdCategory.MARGINAL, RiskType.SCHOOLING, 1,
                LocalDate.of(2026, 2, 10)));
        TestProducer.publish(MONITORING, "c-5", new HouseholdRiskEliminated("rm-h2", REGION, new BigDecimal("9100"), 6, "rm-c0",
                march.plusDays(9)));
        EventEnvelope<HouseholdFlagged> h1 = TestProducer.publish(MONITORING, "c-6", flagged("rm-h1", HouseholdCategory.SUDDEN_HARDSHIP,
                RiskType.ILLNESS, 2, march.plusDays(4)));
        TestProducer.publish(h1);
        // a case for h3 left past its 15 days; h1's closed in time
        TestProducer.publish(MONITORING, "c-7", new CaseOpened("rm-c1", "rm-h3", REGION, CaseKind.IDENTIFICATION,
                List.of(RiskType.NATURAL_DISASTER), LocalDate.of(2026, 2, 20), march.plusDays(6)));
        TestProducer.publish(MONITORING, "c-8", new CaseOverdue("rm-c1", "rm-h3", REGION, CaseKind.IDENTIFICATION,
                CaseStep.VILLAGE_REVIEW, LocalDate.of(2026, 2, 20), march.plusDays(6), 1));
        // announced with it: the village review's own deadline, passed long before; the case stays due on its 15th day
        TestProducer.publish(MONITORING, "c-8", new CaseOverdue("rm-c1", "rm-h3", REGION, CaseKind.IDENTIFICATION,
                CaseStep.VILLAGE_REVIEW, LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 28), 2));
        TestProducer.publish(MONITORING, "c-9", new CaseOpened("rm-c2", "rm-h1", REGION, CaseKind.IDENTIFICATION,
                List.of(RiskType.ILLNESS), march, march.plusDays(15)));
        TestProducer.publish(MONITORING, "c-10", new CaseClosed("rm-c2", "rm-h1", REGION, CaseKind.IDENTIFICATION, CaseOutcome.APPROVED,
                CaseStep.COUNTY_APPROVAL, "identified", march.plusDays(4)));
        // h1's two workers placed, one job lost again; h2 left with no one in work at its relocation site
        TestProducer.publish(EMPLOYMENT, "c-11", new JobPlaced("rm-p1", "rm-h1", "rm-h1-m1", OpeningKind.ENTERPRISE, COUNTY,
                new BigDecimal("3200"), march.plusDays(7), false, null));
        TestProducer.publish(EMPLOYMENT, "c-12", new JobPlaced("rm-p2", "rm-h1", "rm-h1-m2", OpeningKind.EAST_WEST_LABOUR_OFFER,
                "440306", new BigDecimal("5200"), march.plusDays(8), true, "pair-44-52"));
        TestProducer.publish(EMPLOYMENT, "c-13", new JobLost("rm-p1", "rm-h1", "rm-h1-m1", march.plusDays(11), "factory closed"));
        TestProducer.publish(EMPLOYMENT, "c-14", new ZeroEmploymentHouseholdDetected("rm-h2", "rm-site-1", COUNTY, 1, march.plusDays(10)));
        // a microloan to h1, a repayment of it overdue
        TestProducer.publish(INDUSTRY, "c-15", new LoanIssued("rm-l1", "rm-h1", new BigDecimal("50000"), 36, new BigDecimal("3.45"),
                "cattle", march.plusDays(5)));
        TestProducer.publish(INDUSTRY, "c-16", new LoanOverdue("rm-l1", "rm-h1", new BigDecimal("10000"), LocalDate.of(2026, 2, 10), 30));
        // central connection funds: 60% to industry
        TestProducer.publish(INDUSTRY, "c-17", new FundsAllocatedToProject("rm-prj-1", COUNTY, ProjectCategory.INDUSTRY,
                FundSource.CENTRAL_CONNECTION_FUNDS, new BigDecimal("600000"), 2026, march.plusDays(2)));
        TestProducer.publish(INDUSTRY, "c-18", new FundsAllocatedToProject("rm-prj-2", COUNTY, ProjectCategory.INFRASTRUCTURE,
                FundSource.CENTRAL_CONNECTION_FUNDS, new BigDecimal("400000"), 2026, march.plusDays(2)));
        // Guangdong–Guizhou: targets, funds to the county, cadres
        TestProducer.publish(COOPERATION, "c-19", new AgreementSigned("pair-44-52:2026", "pair-44-52", "440000", "520000", 2026,
                new BigDecimal("20000000"), 100, 500, new BigDecimal("5000000"), LocalDate.of(2026, 1, 20)));
        TestProducer.publish(COOPERATION, "c-20", new FundsAllocated("rm-fa-1", "pair-44-52", COUNTY, new BigDecimal("1000000"),
                "cold-chain storage", 2026, march.plusDays(1)));
        TestProducer.publish(COOPERATION, "c-21", new CadreDispatched("rm-cd-1", "pair-44-52", true, false, 5, 2026, march.plusDays(1)));
    }

    @Test
    void a_consultation_meeting_sees_the_countys_figures_for_the_month_and_the_same_after_a_rebuild() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> kpis().jsonPath("$.eastWest[0].achieved.CADRES_EXCHANGED").isEqualTo(5)
                .jsonPath("$.microcredit.overdue").isEqualTo(1)
                .jsonPath("$.employment.zeroEmploymentHouseholds").isEqualTo(1)
                .jsonPath("$.households.overdue").isEqualTo(1)
                .jsonPath("$.households.riskEliminated").isEqualTo(1));
        byte[] before = kpis()
                .jsonPath("$.asOf").isEqualTo("2026-03-16")
                .jsonPath("$.level").isEqualTo("COUNTY")
                .jsonPath("$.households.monitored").isEqualTo(1)
                .jsonPath("$.households.monitoredByCategory.SUDDEN_HARDSHIP").isEqualTo(1)
                .jsonPath("$.households.monitoredByRiskType.ILLNESS").isEqualTo(1)
                .jsonPath("$.households.newlyFlagged").isEqualTo(1)
                .jsonPath("$.households.underIdentification").isEqualTo(1)
                .jsonPath("$.households.riskEliminatedToDate").isEqualTo(1)
                .jsonPath("$.households.shareEliminatedPercent").isEqualTo(50.0)
                .jsonPath("$.employment.labourForce").isEqualTo(3)
                .jsonPath("$.employment.inWork").isEqualTo(1)
                .jsonPath("$.employment.inWorkByChannel.EAST_WEST_LABOUR_OFFER").isEqualTo(1)
                .jsonPath("$.employment.inWorkPercent").isEqualTo(33.3)
                .jsonPath("$.microcredit.issued").isEqualTo(1)
                .jsonPath("$.microcredit.issuedYuan").isEqualTo(50000)
                .jsonPath("$.microcredit.overdueYuan").isEqualTo(10000)
                .jsonPath("$.industryShare[0].countyCode").isEqualTo(COUNTY)
                .jsonPath("$.industryShare[0].sharePercent").isEqualTo(60.0)
                .jsonPath("$.eastWest[0].pairingId").isEqualTo("pair-44-52")
                .jsonPath("$.eastWest[0].achieved.FISCAL_AID_YUAN").isEqualTo(1000000)
                .jsonPath("$.eastWest[0].achieved.LABOUR_TRANSFERRED").isEqualTo(1)
                .jsonPath("$.eastWest[0].targets.LABOUR_TRANSFERRED").isEqualTo(500)
                .returnResult().getResponseBody();

        http.post().uri("/api/v1/admin/read-models/rebuild").exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.rebuilding").isEqualTo(true);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                http.get().uri("/api/v1/admin/read-models/rebuild").exchange().expectBody()
                        .jsonPath("$.rebuilding").isEqualTo(false).jsonPath("$.eventsBehind").isEqualTo(0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(new String(kpis().returnResult().getResponseBody())).isEqualTo(new String(before)));
    }

    @Test
    void month_by_month_the_trend_shows_who_was_monitored_flagged_and_eliminated() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                http.get().uri("/api/v1/kpis/trend?region={c}&period=2026-03&months=3", COUNTY).exchange().expectBody()
                        .jsonPath("$[*].month").isEqualTo(List.of("2026-01", "2026-02", "2026-03"))
                        .jsonPath("$[*].monitored").isEqualTo(List.of(0, 1, 1))
                        .jsonPath("$[*].newlyFlagged").isEqualTo(List.of(0, 1, 1))
                        .jsonPath("$[*].riskEliminated").isEqualTo(List.of(0, 0, 1))
                        .jsonPath("$[*].inWork").isEqualTo(List.of(0, 0, 1)));
    }

    @Test
    void the_province_sees_a_bar_per_county_and_the_tables_of_overdue_cases_and_households_with_no_one_in_work() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                http.get().uri("/api/v1/kpis/by-county?region=520000&period=2026-03").exchange().expectBody()
                        .jsonPath("$[?(@.countyCode == '520598')].monitored").isEqualTo(List.of(1))
                        .jsonPath("$[?(@.countyCode == '520598')].overdue").isEqualTo(List.of(1))
                        .jsonPath("$[?(@.countyCode == '520598')].zeroEmploymentHouseholds").isEqualTo(List.of(1)));
        http.get().uri("/api/v1/cases/overdue?region={c}&period=2026-03", COUNTY).exchange().expectBody()
                .jsonPath("$[0].caseId").isEqualTo("rm-c1")
                .jsonPath("$[0].pendingStep").isEqualTo("VILLAGE_REVIEW")
                .jsonPath("$[0].daysOverdue").isEqualTo(9);
        http.get().uri("/api/v1/households/zero-employment?region={c}&period=2026-03", COUNTY).exchange().expectBody()
                .jsonPath("$[0].householdId").isEqualTo("rm-h2")
                .jsonPath("$[0].siteId").isEqualTo("rm-site-1");
    }

    @Test
    void every_kpi_query_also_answers_csv() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String csv = http.get().uri("/api/v1/kpis?region={c}&period=2026-03&format=csv", COUNTY).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                    .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"kpis.csv\"")
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(csv).startsWith("section,indicator,breakdown,value")
                    .contains("households,monitored,,1", "employment,inWork,EAST_WEST_LABOUR_OFFER,1", "industryShare,sharePercent,520598,60.0");
        });
        String overdue = http.get().uri("/api/v1/cases/overdue?region={c}&period=2026-03&format=csv", COUNTY).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(overdue.lines()).first().isEqualTo("caseId,householdId,countyCode,townshipCode,openedOn,dueOn,pendingStep,daysOverdue");
        assertThat(overdue).contains("rm-c1,rm-h3,520598,520598100,2026-02-20,2026-03-07,VILLAGE_REVIEW,9");
    }

    @Test
    void a_viewer_sees_the_figures_and_the_live_feed_of_its_own_region_only() {
        WebTestClient guizhou = as("viewer-gz", "520000", "DASHBOARD_VIEWER");
        guizhou.get().uri("/api/v1/kpis?period=2026-03").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.region").isEqualTo("520000");
        guizhou.get().uri("/api/v1/kpis?region={c}&period=2026-03", COUNTY).exchange().expectStatus().isOk();
        for (String elsewhere : List.of("/api/v1/kpis?region=620000", "/api/v1/kpis/trend?region=620121", "/api/v1/kpis/by-county?region=620000",
                "/api/v1/cases/overdue?region=620121", "/api/v1/households/zero-employment?region=620000", "/api/v1/kpis?region=000000",
                "/api/v1/events/stream?region=620000")) {
            guizhou.get().uri(elsewhere).exchange().expectStatus().isNotFound().expectBody().jsonPath("$.households").doesNotExist();
        }
    }

    @Test
    void a_region_or_period_of_no_known_shape_is_a_problem_naming_the_parameter() {
        http.get().uri("/api/v1/kpis?region=52").exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("region");
        http.get().uri("/api/v1/kpis?region=520000&period=March").exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("period");
        http.get().uri("/api/v1/kpis?format=xml").exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("format");
    }

    private WebTestClient.BodyContentSpec kpis() {
        return http.get().uri("/api/v1/kpis?region={c}&period=2026-03", COUNTY).exchange().expectStatus().isOk().expectBody();
    }

    private static LabourMember worker(String memberId) {
        return new LabourMember(memberId, 1990, LabourCapacity.FULL, List.of());
    }

    private static HouseholdFlagged flagged(String household, HouseholdCategory category, RiskType risk, int labour, LocalDate on) {
        List<LabourMember> members = java.util.stream.IntStream.rangeClosed(1, labour)
                .mapToObj(i -> worker(household + "-m" + i)).toList();
        return new HouseholdFlagged(household, REGION, category, List.of(risk), new BigDecimal("1200"), new BigDecimal("7300"),
                labour > 0, members, List.of(), "case-" + household, on);
    }
}
