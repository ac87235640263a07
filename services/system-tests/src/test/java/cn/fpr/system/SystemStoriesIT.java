package cn.fpr.system;

import cn.fpr.contracts.AssistanceNeed;
import cn.fpr.contracts.CaseKind;
import cn.fpr.contracts.CaseStep;
import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.Department;
import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventCatalogue;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.EventType;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.ProjectCategory;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.county.IndustryShareShortfall;
import cn.fpr.contracts.household.CaseOpened;
import cn.fpr.contracts.household.CaseOverdue;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdReassessed;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.contracts.household.LabourMember;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.labour.ZeroEmploymentHouseholdDetected;
import cn.fpr.contracts.pairing.FundsAllocated;
import cn.fpr.contracts.pairing.LabourOfferPosted;
import cn.fpr.contracts.project.ProjectApproved;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.contracts.support.LoanOverdue;
import cn.fpr.platform.identity.IdNumbers;
import cn.fpr.testsupport.MutableClock;
import cn.fpr.testsupport.RealInfrastructure;
import cn.fpr.testsupport.TestProducer;
import cn.fpr.testsupport.TestTokens;
import cn.fpr.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Stories played across the five services, each from the first fact to what every service shows
 * of it: a medical warning through identification, an east–west job, a loan and six stable
 * months to risk elimination; a case left to go overdue; a relocated household whose only worker
 * loses his job; a province raising its line; an eastern partner's funds becoming a project and
 * the county's industry share; a missed loan repayment.
 *
 * <p>Each story has a county of its own, so that what consultation counts for that county is the
 * story's alone, and sets the shared clock to its own days (stories may move it back: nothing
 * here depends on time only going forward). Pairings, partners, signals and ID numbers are other
 * than {@link SkeletonFlowIT}'s, with which this class shares the broker.
 */
@RealInfrastructure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemStoriesIT {

    // one county per story: Guizhou (line 7,300 yuan in 2026), Yunnan (national floor 6,000), Sichuan, Gansu (6,700)
    private static final String HEZHANG = "520527";
    private static final String NAYONG = "520525";
    private static final String DAFANG = "520521";
    private static final String ZHENXIONG = "530627";
    private static final String ZHAOJUE = "513431";
    private static final String MIN_COUNTY = "621126";

    /** Guangzhou's city–county pairing with Hezhang, below Guangdong–Guizhou. */
    private static final String GUANGZHOU_HEZHANG = "pair-440100-520527";
    private static final String ZHEJIANG_SICHUAN = "pair-33-51";

    private static final String ASSISTANCE_SIGNALS = "$.signals[?(@.channel == 'ASSISTANCE_EVENT')]";
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private static SystemUnderTest system;
    private static MutableClock clock;
    private static WebTestClient monitoring;
    private static WebTestClient employment;
    private static WebTestClient industry;
    private static WebTestClient cooperation;
    private static WebTestClient consultation;

    @BeforeAll
    static void startServices() {
        system = SystemUnderTest.start("_stories");
        clock = system.clock;
        monitoring = system.client("monitoring");
        employment = system.client("employment");
        industry = system.client("industry");
        cooperation = system.client("cooperation");
        consultation = system.client("consultation");
    }

    @AfterAll
    static void stopServices() {
        system.close();
    }

    @Test
    @Order(1)
    void a_medical_warning_leads_through_identification_an_east_west_job_a_loan_and_six_stable_months_to_risk_elimination() {
        clock.setDay(LocalDate.of(2026, 3, 16));
        String household = household(HEZHANG, true, 16000,
                member("52052719840612123", "HEAD", "FULL", "masonry"),
                member("52052719870214124", "SPOUSE", "WEAK_OR_HALF", "cattle raising"),
                member("52052720150903125", "CHILD", "NONE"));

        // medical insurance: 30,000 yuan out of pocket puts the household far below the line
        TestProducer.publish("/departments/medical-insurance", "corr-stories-1", new DepartmentSignalReceived("MI-2026-0316-ST1",
                household, Department.MEDICAL_INSURANCE, RiskType.ILLNESS, LocalDate.of(2026, 3, 12), new BigDecimal("16000"),
                new BigDecimal("30000"), "inpatient treatment, large out-of-pocket costs"));
        ConsumerRecord<String, byte[]> openedRecord = awaitRecord(EventCatalogue.CASE_OPENED, household);
        CaseOpened opened = decoded(openedRecord, EventCatalogue.CASE_OPENED);
        assertThat(opened.kind()).isEqualTo(CaseKind.IDENTIFICATION);
        assertThat(opened.riskTypes()).containsExactly(RiskType.ILLNESS);
        assertThat(opened.openedOn()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(opened.dueOn()).isEqualTo(LocalDate.of(2026, 3, 31));

        identify(opened.caseId());

        HouseholdFlagged flagged = awaitEvent(EventCatalogue.HOUSEHOLD_FLAGGED, household);
        assertThat(flagged.flaggedOn()).as("inside the 15 days").isEqualTo(LocalDate.of(2026, 3, 21));
        assertThat(flagged.riskTypes()).containsExactly(RiskType.ILLNESS);
        assertThat(flagged.category()).isEqualTo(HouseholdCategory.UNSTABLE_LIFTED);
        assertThat(flagged.hasLabour()).isTrue();
        assertThat(flagged.labourMembers()).extracting(LabourMember::memberId).containsExactly("m-1", "m-2");
        assertThat(flagged.assistanceNeeds()).containsExactly(AssistanceNeed.MEDICAL_ASSISTANCE, AssistanceNeed.SUITABLE_WORK);
        eventually(() -> ok(employment, "/api/v1/job-seekers?householdId={id}", household)
                .jsonPath("$[*].memberId").isEqualTo(List.of("m-1", "m-2"))
                .jsonPath("$[*].priority").isEqualTo(List.of("MONITORED_HOUSEHOLD", "MONITORED_HOUSEHOLD"))
                .jsonPath("$[*].willingness").isEqualTo(List.of("IN_PROVINCE", "IN_PROVINCE")));
        eventually(() -> ok(consultation, "/api/v1/households/{id}", household)
                .jsonPath("$.status").isEqualTo("MONITORED")
                .jsonPath("$.category").isEqualTo("UNSTABLE_LIFTED")
                .jsonPath("$.flaggedOn").isEqualTo("2026-03-21"));
        eventually(() -> kpis(HEZHANG, "2026-03")
                .jsonPath("$.households.monitored").isEqualTo(1)
                .jsonPath("$.households.newlyFlagged").isEqualTo(1)
                .jsonPath("$.households.monitoredByCategory.UNSTABLE_LIFTED").isEqualTo(1)
                .jsonPath("$.households.monitoredByRiskType.ILLNESS").isEqualTo(1));

        // Guangzhou's system posts an offer under its pairing with Hezhang; employment lists it as an opening
        created(cooperation, "/api/v1/pairings", Map.of("pairingId", GUANGZHOU_HEZHANG, "level", "CITY_COUNTY",
                "parentId", "pair-44-52", "east", Map.of("code", "440100", "name", "Guangzhou"),
                "west", Map.of("code", HEZHANG, "name", "Hezhang county")));
        created(cooperation, "/api/v1/pairings/{id}/agreements", Map.of("year", 2026,
                "targets", Map.of("LABOUR_TRANSFERRED", 200, "FISCAL_AID_YUAN", 5000000)), GUANGZHOU_HEZHANG);
        WebTestClient guangdong = system.partner("gd-stories-labour", "440000");
        String offer = "gz-hz-2026-logistics";
        submit(guangdong, "gd-2026-03-st01", Map.of("type", "labour-offer", "pairingId", GUANGZHOU_HEZHANG, "year", 2026,
                "offerId", offer, "employer", "Panyu logistics park, Guangzhou", "workRegionCode", "440113", "positions", 30,
                "monthlyWageYuan", 5600, "validUntil", "2026-12-31"))
                .jsonPath("$.recorded").isEqualTo(1)
                .jsonPath("$.items[0].status").isEqualTo(201);
        assertThat(awaitEvent(EventCatalogue.LABOUR_OFFER_POSTED, GUANGZHOU_HEZHANG)).extracting(LabourOfferPosted::offerId)
                .isEqualTo(offer);
        String opening = "offer-" + offer;
        eventually(() -> ok(employment, "/api/v1/openings/{id}", opening)
                .jsonPath("$.kind").isEqualTo("EAST_WEST_LABOUR_OFFER")
                .jsonPath("$.pairingId").isEqualTo(GUANGZHOU_HEZHANG)
                .jsonPath("$.workCountyCode").isEqualTo("440113")
                .jsonPath("$.capacity").isEqualTo(30));

        // nobody is placed further than they are willing to go: the worker first says he will go to Guangdong
        String worker = household + ":m-1";
        post(employment, "/api/v1/openings/{id}/placements", Map.of("seekerId", worker, "startDate", "2026-04-01"), opening)
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("seekerId");
        patch(employment, "/api/v1/job-seekers/{id}", Map.of("willingness", "CROSS_PROVINCE"), worker)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.willingness").isEqualTo("CROSS_PROVINCE");
        ok(employment, "/api/v1/openings/{id}/matches", opening)
                .jsonPath(where("$", "seekerId", worker) + ".distance").isEqualTo("CROSS_PROVINCE");
        Map<?, ?> placement = created(employment, "/api/v1/openings/{id}/placements",
                Map.of("seekerId", worker, "startDate", "2026-04-01"), opening);
        String placementId = (String) placement.get("placementId");
        assertThat(placement.get("crossRegion")).isEqualTo(true);

        JobPlaced placed = awaitEvent(EventCatalogue.JOB_PLACED, household);
        assertThat(placed.placementId()).isEqualTo(placementId);
        assertThat(placed.crossRegion()).isTrue();
        assertThat(placed.pairingId()).isEqualTo(GUANGZHOU_HEZHANG);
        assertThat(placed.openingKind()).isEqualTo(OpeningKind.EAST_WEST_LABOUR_OFFER);
        assertThat(placed.workRegionCode()).isEqualTo("440113");

        // the placement counts toward the pairing's labour transfers, for the office and for the partner
        eventually(() -> ok(cooperation, "/api/v1/pairings/{id}/labour-transfers", GUANGZHOU_HEZHANG)
                .jsonPath("$.transferred").isEqualTo(1)
                .jsonPath("$.inWork").isEqualTo(1));
        ok(cooperation, "/api/v1/pairings/{id}/agreements/2026/progress?month=2026-04", GUANGZHOU_HEZHANG)
                .jsonPath("$.lines.LABOUR_TRANSFERRED.target").isEqualTo(200)
                .jsonPath("$.lines.LABOUR_TRANSFERRED.achieved").isEqualTo(1);
        ok(guangdong, "/partner/v1/pairings/{id}/agreements/2026/progress?month=2026-04", GUANGZHOU_HEZHANG)
                .jsonPath("$.lines.LABOUR_TRANSFERRED.achieved").isEqualTo(1);
        eventually(() -> ok(monitoring, "/api/v1/households/{id}", household)
                .jsonPath("$.employments[0].placementId").isEqualTo(placementId)
                .jsonPath("$.employments[0].monthlyWageYuan").isEqualTo(5600)
                .jsonPath("$.measures[?(@.kind == 'JOB_PLACEMENT')].reference").isEqualTo(List.of(placementId)));
        eventually(() -> kpis(HEZHANG, "2026-04")
                .jsonPath(where("$.eastWest", "pairingId", GUANGZHOU_HEZHANG) + ".targets.LABOUR_TRANSFERRED").isEqualTo(200)
                .jsonPath(where("$.eastWest", "pairingId", GUANGZHOU_HEZHANG) + ".achieved.LABOUR_TRANSFERRED").isEqualTo(1)
                .jsonPath("$.employment.inWorkByChannel.EAST_WEST_LABOUR_OFFER").isEqualTo(1));

        // the spouse borrows for the household's cattle
        eventually(() -> ok(industry, "/api/v1/households/{id}", household).jsonPath("$.monitored").isEqualTo(true));
        String loan = (String) created(industry, "/api/v1/loans", Map.of("householdId", household, "borrowerMemberId", "m-2",
                "amountYuan", 20000, "termMonths", 24, "purpose", "BREEDING")).get("loanId");
        post(industry, "/api/v1/loans/{id}/decision", Map.of("approve", true, "reason", "cattle plan checked"), loan)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("APPROVED");
        // in Guizhou the subsidy pays all the interest: the household owes nothing before the principal, in 2028
        industry.post().uri("/api/v1/loans/{id}/disbursement", loan).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DISBURSED")
                .jsonPath("$.subsidyShare").isEqualTo(1.0);
        eventually(() -> ok(monitoring, "/api/v1/households/{id}", household)
                .jsonPath("$.measures[?(@.kind == 'MICROCREDIT')].reference").isEqualTo(List.of(loan)));
        eventually(() -> kpis(HEZHANG, "2026-03")
                .jsonPath("$.microcredit.issued").isEqualTo(1)
                .jsonPath("$.microcredit.issuedYuan").isEqualTo(20000));

        // month by month: the wage (from job-placed) and the cattle's net income, 2,300 yuan a person
        recordCattleIncome(household, YearMonth.of(2026, 4), YearMonth.of(2026, 6));
        ok(monitoring, "/api/v1/households/{id}/exit-eligibility", household)
                .jsonPath("$.eligible").isEqualTo(false)
                .jsonPath("$.stableMonths").isEqualTo(3)
                .jsonPath("$.reasons").isEqualTo(List.of("income above the line for 3 consecutive months, 6 needed",
                        "large rigid spending not resolved"));
        recordCattleIncome(household, YearMonth.of(2026, 7), YearMonth.of(2026, 9));
        ok(monitoring, "/api/v1/households/{id}/exit-eligibility", household)
                .jsonPath("$.eligible").isEqualTo(false)
                .jsonPath("$.stableMonths").isEqualTo(6)
                .jsonPath("$.reasons").isEqualTo(List.of("large rigid spending not resolved"));
        // medical assistance settled the costs
        patch(monitoring, "/api/v1/households/{id}", Map.of("rigidSpendingResolved", true), household).expectStatus().isOk();
        ok(monitoring, "/api/v1/households/{id}/exit-eligibility", household)
                .jsonPath("$.eligible").isEqualTo(true)
                .jsonPath("$.stableMonths").isEqualTo(6)
                .jsonPath("$.reasons").isEmpty();

        Map<?, ?> reviewing = monitoring.post().uri("/api/v1/households/{id}/exit-reviews", household).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String exitCase = (String) reviewing.get("openCaseId");
        assertThat(awaitEvents(EventCatalogue.CASE_OPENED, household, 2)).extracting(CaseOpened::caseId, CaseOpened::kind)
                .contains(tuple(exitCase, CaseKind.EXIT));
        identify(exitCase);

        HouseholdRiskEliminated eliminated = awaitEvent(EventCatalogue.HOUSEHOLD_RISK_ELIMINATED, household);
        assertThat(eliminated.caseId()).isEqualTo(exitCase);
        assertThat(eliminated.stableMonths()).isEqualTo(6);
        assertThat(eliminated.eliminatedOn()).isEqualTo(LocalDate.of(2026, 10, 7));
        assertThat(eliminated.perCapitaNetIncomeYuan()).isEqualByComparingTo("27600");
        ok(monitoring, "/api/v1/households/{id}", household)
                .jsonPath("$.status").isEqualTo("RISK_ELIMINATED")
                .jsonPath("$.eliminatedOn").isEqualTo("2026-10-07")
                .jsonPath("$.annualNetIncomeYuan").isEqualTo(82800.0);
        eventually(() -> ok(consultation, "/api/v1/households/{id}", household)
                .jsonPath("$.status").isEqualTo("RISK_ELIMINATED")
                .jsonPath("$.eliminatedOn").isEqualTo("2026-10-07"));
        eventually(() -> kpis(HEZHANG, "2026-10")
                .jsonPath("$.households.monitored").isEqualTo(0)
                .jsonPath("$.households.riskEliminated").isEqualTo(1)
                .jsonPath("$.households.riskEliminatedToDate").isEqualTo(1)
                .jsonPath("$.households.shareEliminatedPercent").isEqualTo(100.0));
        eventually(() -> ok(employment, "/api/v1/job-seekers?householdId={id}", household)
                .jsonPath("$[*].monitored").isEqualTo(List.of(false, false)));
        eventually(() -> ok(industry, "/api/v1/households/{id}", household).jsonPath("$.monitored").isEqualTo(false));

        // the meeting's live feed, resumed from the case's opening, carried each step of the household's year
        List<String> steps = consultation.get().uri("/api/v1/events/stream?lastEventId={id}",
                        TopicReader.header(openedRecord, CloudEventHeaders.ID))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(SSE).getResponseBody()
                .filter(message -> message.data() != null && message.data().contains(household))
                .map(ServerSentEvent::event)
                .takeUntil("household-risk-eliminated"::equals)
                .collectList().block(Duration.ofSeconds(60));
        assertThat(steps).containsSubsequence("household-flagged", "job-placed", "loan-issued", "case-opened",
                "household-risk-eliminated");
    }

    @Test
    @Order(2)
    void a_case_nobody_works_on_for_fifteen_days_is_announced_overdue_and_shows_on_the_dashboards_overdue_table() {
        clock.setDay(LocalDate.of(2026, 4, 1));
        String household = household(NAYONG, true, 9000,
                member("52052519790321131", "HEAD", "FULL"),
                member("52052519810705132", "SPOUSE", "FULL"));
        TestProducer.publish("/departments/human-resources", "corr-stories-2", new DepartmentSignalReceived("HR-2026-0401-ST2",
                household, Department.HUMAN_RESOURCES, RiskType.UNSTABLE_EMPLOYMENT, LocalDate.of(2026, 3, 30),
                new BigDecimal("9000"), null, "both back from work in Zhejiang, no new job"));
        ConsumerRecord<String, byte[]> openedRecord = awaitRecord(EventCatalogue.CASE_OPENED, household);
        CaseOpened opened = decoded(openedRecord, EventCatalogue.CASE_OPENED);
        String caseId = opened.caseId();
        assertThat(opened.dueOn()).isEqualTo(LocalDate.of(2026, 4, 16));
        ok(monitoring, "/api/v1/cases?region={region}", NAYONG)
                .jsonPath(where("$", "caseId", caseId) + ".pendingStep").isEqualTo("HOUSEHOLD_VISIT")
                .jsonPath(where("$", "caseId", caseId) + ".dueOn").isEqualTo("2026-04-16");

        // nobody visits; the day after the 15 days the scan announces both deadlines passed, the visit's and the case's
        clock.setDay(LocalDate.of(2026, 4, 17));
        monitoring.post().uri("/api/v1/cases/overdue-scan").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.announced").isNumber();
        List<CaseOverdue> overdue = awaitEvents(EventCatalogue.CASE_OVERDUE, household, 2);
        assertThat(overdue).extracting(CaseOverdue::caseId).containsOnly(caseId);
        assertThat(overdue).extracting(CaseOverdue::pendingStep).containsOnly(CaseStep.HOUSEHOLD_VISIT);
        assertThat(overdue).extracting(CaseOverdue::dueOn)
                .containsExactlyInAnyOrder(LocalDate.of(2026, 4, 16), LocalDate.of(2026, 4, 4));
        assertThat(overdue).extracting(CaseOverdue::daysOverdue).containsExactlyInAnyOrder(1, 13);

        ok(monitoring, "/api/v1/cases?region={region}&overdue=true", NAYONG)
                .jsonPath(where("$", "caseId", caseId) + ".householdId").isEqualTo(household);
        // pendingStep reaches the dashboard only with case-overdue
        eventually(() -> ok(consultation, "/api/v1/cases/overdue?region={region}&period=2026-04", NAYONG)
                .jsonPath(where("$", "caseId", caseId) + ".householdId").isEqualTo(household)
                .jsonPath(where("$", "caseId", caseId) + ".openedOn").isEqualTo("2026-04-01")
                .jsonPath(where("$", "caseId", caseId) + ".pendingStep").isEqualTo("HOUSEHOLD_VISIT")
                // the case's own deadline, not the visit's, though the visit's was announced after it
                .jsonPath(where("$", "caseId", caseId) + ".dueOn").isEqualTo("2026-04-16")
                .jsonPath(where("$", "caseId", caseId) + ".daysOverdue").isEqualTo(1));
        eventually(() -> kpis(NAYONG, "2026-04")
                .jsonPath("$.households.underIdentification").isEqualTo(1)
                .jsonPath("$.households.overdue").isEqualTo(1));

        // the live feed, resumed after the case-opened event, carries both announcements
        List<ServerSentEvent<String>> feed = consultation.get()
                .uri("/api/v1/events/stream?region={region}&type=case-overdue&lastEventId={id}", NAYONG,
                        TopicReader.header(openedRecord, CloudEventHeaders.ID))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(SSE).getResponseBody()
                .filter(message -> message.data() != null && message.data().contains(caseId))
                .take(2).collectList().block(Duration.ofSeconds(60));
        assertThat(feed).hasSize(2).extracting(ServerSentEvent::event).containsOnly("case-overdue");
    }

    @Test
    @Order(3)
    void a_relocated_household_whose_only_worker_loses_his_job_is_a_zero_employment_household_and_a_risk_signal_in_monitoring() {
        clock.setDay(LocalDate.of(2026, 5, 4));
        String household = household(DAFANG, true, 18000,
                member("52052119880117141", "HEAD", "FULL", "electrician"),
                member("52052119520808142", "PARENT", "LOST"),
                member("52052120160412143", "CHILD", "NONE"));
        String seeker = (String) created(employment, "/api/v1/job-seekers", Map.of(
                "idNumber", IdNumbers.withCheckCharacter("52052119880117141"), "householdId", household, "memberId", "m-1",
                "region", region(DAFANG), "labourCapacity", "FULL", "skills", List.of("electrician"), "willingness", "LOCAL",
                "liftedFromPoverty", true)).get("seekerId");
        assertThat(seeker).isEqualTo(household + ":m-1");
        String site = "site-520521-kuige";
        created(employment, "/api/v1/relocation-sites", Map.of("siteId", site, "name", "Kuige relocation site", "countyCode", DAFANG));
        String opening = (String) created(employment, "/api/v1/openings", Map.of("kind", "ENTERPRISE",
                "employer", "shoe factory at the Kuige site", "workCountyCode", DAFANG, "capacity", 80, "monthlyWageYuan", 3000))
                .get("openingId");
        String placement = (String) created(employment, "/api/v1/openings/{id}/placements",
                Map.of("seekerId", seeker, "startDate", "2026-05-04"), opening).get("placementId");
        eventually(() -> ok(employment, "/api/v1/job-seekers/{id}", seeker).jsonPath("$.employed").isEqualTo(true));
        post(employment, "/api/v1/relocation-sites/{id}/households",
                Map.of("householdId", household, "labourMembers", List.of("m-1")), site)
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.employedMembers").isEqualTo(List.of("m-1"))
                .jsonPath("$.zeroEmployment").isEqualTo(false);

        clock.setDay(LocalDate.of(2026, 5, 20));
        post(employment, "/api/v1/placements/{id}/loss", Map.of("lostOn", "2026-05-19", "reason", "the factory cut its night shift"),
                placement)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.endDate").isEqualTo("2026-05-19");

        ZeroEmploymentHouseholdDetected zero = awaitEvent(EventCatalogue.ZERO_EMPLOYMENT_HOUSEHOLD_DETECTED, household);
        assertThat(zero.siteId()).isEqualTo(site);
        assertThat(zero.countyCode()).isEqualTo(DAFANG);
        assertThat(zero.labourMembers()).isEqualTo(1);
        assertThat(zero.detectedOn()).isEqualTo(LocalDate.of(2026, 5, 20));
        ok(employment, "/api/v1/relocation-sites/{id}/households?zeroEmployment=true", site)
                .jsonPath("$[*].householdId").isEqualTo(List.of(household));
        eventually(() -> ok(employment, "/api/v1/job-seekers/{id}", seeker)
                .jsonPath("$.employed").isEqualTo(false)
                .jsonPath("$.priority").isEqualTo("ZERO_EMPLOYMENT_HOUSEHOLD"));

        // job-lost and zero-employment-household-detected are both risk signals; the first is assessed against the
        // household's recorded income (18,000 yuan, 6,000 a person against Guizhou's 7,300) and opens a case, the
        // second is linked to it
        CaseOpened opened = awaitEvent(EventCatalogue.CASE_OPENED, household);
        assertThat(opened.riskTypes()).containsExactly(RiskType.UNSTABLE_EMPLOYMENT);
        eventually(() -> ok(monitoring, "/api/v1/households/{id}", household)
                .jsonPath("$.employments[0].endDate").isEqualTo("2026-05-19")
                .jsonPath(ASSISTANCE_SIGNALS + ".riskType").isEqualTo(List.of("UNSTABLE_EMPLOYMENT", "UNSTABLE_EMPLOYMENT"))
                .jsonPath(ASSISTANCE_SIGNALS + ".outcome").isEqualTo(List.of("CASE_OPENED", "LINKED_TO_OPEN_CASE"))
                .jsonPath(ASSISTANCE_SIGNALS + ".caseId").isEqualTo(List.of(opened.caseId(), opened.caseId()))
                .jsonPath("$.openCaseId").isEqualTo(opened.caseId()));
        ok(monitoring, "/api/v1/households/{id}/timeline", household)
                .jsonPath("$[?(@.kind == 'signal')].summary").value(List.class, summaries -> assertThat(summaries).hasSize(2));
        eventually(() -> ok(consultation, "/api/v1/households/zero-employment?region={region}&period=2026-05", DAFANG)
                .jsonPath(where("$", "householdId", household) + ".siteId").isEqualTo(site)
                .jsonPath(where("$", "householdId", household) + ".labourMembers").isEqualTo(1)
                .jsonPath(where("$", "householdId", household) + ".since").isEqualTo("2026-05-20"));
        eventually(() -> kpis(DAFANG, "2026-05")
                .jsonPath("$.employment.zeroEmploymentHouseholds").isEqualTo(1)
                .jsonPath("$.employment.labourForce").isEqualTo(1)
                .jsonPath("$.employment.inWork").isEqualTo(0)
                .jsonPath("$.households.underIdentification").isEqualTo(1));
    }

    @Test
    @Order(4)
    void yunnan_raises_its_monitoring_line_and_a_household_newly_below_it_gets_a_case_and_is_flagged_after_its_five_steps() {
        clock.setDay(LocalDate.of(2026, 4, 20));
        String below = household(ZHENXIONG, false, 19200,
                member("53062719780505151", "HEAD", "FULL"),
                member("53062719800909152", "SPOUSE", "FULL"),
                member("53062720120101153", "CHILD", "NONE"));
        String above = household(ZHENXIONG, false, 16000,
                member("53062719830303161", "HEAD", "FULL"),
                member("53062719850606162", "SPOUSE", "FULL"));

        // a province's line is its own administrator's: Guizhou's cannot set Yunnan's
        put(as("monitoring", "guizhou-province-admin", "520000", "PROVINCE_ADMIN"), "/api/v1/thresholds/530000/2026",
                Map.of("lineYuan", 7000)).expectStatus().isNotFound();
        ok(monitoring, "/api/v1/thresholds/530000/2026").jsonPath("$.lineYuan").isEqualTo(6000);
        put(as("monitoring", "yunnan-province-admin", "530000", "PROVINCE_ADMIN"), "/api/v1/thresholds/530000/2026",
                Map.of("lineYuan", 6600))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.lineYuan").isEqualTo(6600)
                .jsonPath("$.evaluated").isEqualTo(2)
                .jsonPath("$.changed").isEqualTo(1);
        ok(monitoring, "/api/v1/thresholds/530000/2026").jsonPath("$.lineYuan").isEqualTo(6600);

        // 6,400 yuan a person: above the old line, below the new one
        HouseholdReassessed reassessed = awaitEvent(EventCatalogue.HOUSEHOLD_REASSESSED, below);
        assertThat(reassessed.atRisk()).isTrue();
        assertThat(reassessed.lineYuan()).isEqualByComparingTo("6600");
        assertThat(reassessed.perCapitaNetIncomeYuan()).isEqualByComparingTo("6400");
        CaseOpened opened = awaitEvent(EventCatalogue.CASE_OPENED, below);
        assertThat(opened.riskTypes()).containsExactly(RiskType.OTHER);
        ok(monitoring, "/api/v1/households/{id}", below)
                .jsonPath("$.signals[0].channel").isEqualTo("THRESHOLD_CHANGE")
                .jsonPath("$.signals[0].outcome").isEqualTo("CASE_OPENED")
                .jsonPath("$.openCaseId").isEqualTo(opened.caseId());
        ok(monitoring, "/api/v1/households/{id}", above)
                .jsonPath("$.assessment.atRisk").isEqualTo(false)
                .jsonPath("$.assessment.lineYuan").isEqualTo(6600)
                .jsonPath("$.signals").isEmpty()
                .jsonPath("$.cases").isEmpty();

        identify(opened.caseId());

        HouseholdFlagged flagged = awaitEvent(EventCatalogue.HOUSEHOLD_FLAGGED, below);
        assertThat(flagged.riskTypes()).containsExactly(RiskType.OTHER);
        assertThat(flagged.category()).isEqualTo(HouseholdCategory.MARGINAL);
        assertThat(flagged.thresholdYuan()).isEqualByComparingTo("6600");
        assertThat(flagged.flaggedOn()).isEqualTo(LocalDate.of(2026, 4, 25));
        ok(monitoring, "/api/v1/households/{id}", below).jsonPath("$.status").isEqualTo("MONITORED");
        eventually(() -> ok(employment, "/api/v1/job-seekers?householdId={id}", below).jsonPath("$.length()").isEqualTo(2));
        eventually(() -> ok(consultation, "/api/v1/households/{id}", below)
                .jsonPath("$.status").isEqualTo("MONITORED")
                .jsonPath("$.category").isEqualTo("MARGINAL"));
        eventually(() -> kpis(ZHENXIONG, "2026-04")
                .jsonPath("$.households.monitored").isEqualTo(1)
                .jsonPath("$.households.monitoredByCategory.MARGINAL").isEqualTo(1)
                .jsonPath("$.households.monitoredByRiskType.OTHER").isEqualTo(1));
    }

    @Test
    @Order(5)
    void zhejiangs_funds_for_zhaojue_fill_its_pool_fund_a_project_and_show_in_its_industry_share_while_guangdong_sees_none_of_it() {
        clock.setDay(LocalDate.of(2026, 6, 1));
        created(cooperation, "/api/v1/pairings/{id}/agreements", Map.of("year", 2026,
                "targets", Map.of("FISCAL_AID_YUAN", 30000000, "LABOUR_TRANSFERRED", 600)), ZHEJIANG_SICHUAN);
        WebTestClient zhejiang = system.partner("zj-stories-funds", "330000");
        WebTestClient guangdong = system.partner("gd-stories-onlooker", "440000");

        String transfer = "zj-sc-2026-st05";
        submit(zhejiang, "zj-2026-06-st05", Map.of("type", "fund-transfer", "pairingId", ZHEJIANG_SICHUAN, "year", 2026,
                "reference", transfer, "receivingCountyCode", ZHAOJUE, "amountYuan", 8000000, "purpose", "seed-potato cold storage",
                "on", "2026-05-28"))
                .jsonPath("$.recorded").isEqualTo(1)
                .jsonPath("$.items[0].status").isEqualTo(201);
        FundsAllocated allocated = awaitEvent(EventCatalogue.FUNDS_ALLOCATED, ZHEJIANG_SICHUAN);
        assertThat(allocated.allocationId()).isEqualTo(transfer);
        assertThat(allocated.receivingCountyCode()).isEqualTo(ZHAOJUE);
        assertThat(allocated.amountYuan()).isEqualByComparingTo("8000000");
        eventually(() -> ok(industry, "/api/v1/fund-pools/{county}/2026", ZHAOJUE)
                .jsonPath("$.receivedYuan").isEqualTo(8000000)
                .jsonPath("$.availableYuan").isEqualTo(8000000)
                .jsonPath("$.receipts[0].allocationId").isEqualTo(transfer)
                .jsonPath("$.receipts[0].pairingId").isEqualTo(ZHEJIANG_SICHUAN));

        String seedStore = approvedProject(ZHAOJUE, "seed-potato cold storage", ProjectCategory.INDUSTRY, 10000000);
        String road = approvedProject(ZHAOJUE, "village road hardening", ProjectCategory.INFRASTRUCTURE, 3000000);
        ProjectApproved approved = awaitEvent(EventCatalogue.PROJECT_APPROVED, seedStore);
        assertThat(approved.countyCode()).isEqualTo(ZHAOJUE);
        assertThat(approved.category()).isEqualTo(ProjectCategory.INDUSTRY);

        // east–west aid is drawn from the county's pool; the industry share counts central connection funds only
        fund(seedStore, transfer + "/seed-store", "EAST_WEST_AID", 6000000).jsonPath("$.fundedYuan").isEqualTo(6000000);
        fund(seedStore, "central-2026-513431-01", "CENTRAL_CONNECTION_FUNDS", 3000000).jsonPath("$.fundedYuan").isEqualTo(9000000);
        fund(road, "central-2026-513431-02", "CENTRAL_CONNECTION_FUNDS", 3000000).jsonPath("$.fundedYuan").isEqualTo(3000000);
        ok(industry, "/api/v1/fund-pools/{county}/2026", ZHAOJUE)
                .jsonPath("$.availableYuan").isEqualTo(2000000)
                .jsonPath("$.draws[0].projectId").isEqualTo(seedStore)
                .jsonPath("$.draws[0].amountYuan").isEqualTo(6000000);
        // 3 of 6 million to industry: 50%, below 2026's minimum of 60%
        ok(industry, "/api/v1/industry-share?year=2026&countyCode={county}", ZHAOJUE)
                .jsonPath("$[0].centralFundsYuan").isEqualTo(6000000)
                .jsonPath("$[0].industryYuan").isEqualTo(3000000)
                .jsonPath("$[0].sharePercent").isEqualTo(50.0)
                .jsonPath("$[0].minimumPercent").isEqualTo(60)
                .jsonPath("$[0].shortfall").isEqualTo(true);
        industry.post().uri("/api/v1/industry-share/announcements?year=2026").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.count").isEqualTo(1);
        IndustryShareShortfall shortfall = awaitEvent(EventCatalogue.INDUSTRY_SHARE_SHORTFALL, ZHAOJUE);
        assertThat(shortfall.sharePercent()).isEqualByComparingTo("50");
        assertThat(shortfall.minimumPercent()).isEqualByComparingTo("60");

        String share = where("$.industryShare", "countyCode", ZHAOJUE);
        String pairing = where("$.eastWest", "pairingId", ZHEJIANG_SICHUAN);
        eventually(() -> kpis(ZHAOJUE, "2026-06")
                .jsonPath(share + ".centralFundsYuan").isEqualTo(6000000)
                .jsonPath(share + ".industryYuan").isEqualTo(3000000)
                .jsonPath(share + ".sharePercent").isEqualTo(50.0)
                .jsonPath(share + ".shortfallMinimumPercent").isEqualTo(60)
                .jsonPath(pairing + ".targets.FISCAL_AID_YUAN").isEqualTo(30000000)
                .jsonPath(pairing + ".achieved.FISCAL_AID_YUAN").isEqualTo(8000000));
        ok(zhejiang, "/partner/v1/pairings/{id}/agreements/2026", ZHEJIANG_SICHUAN)
                .jsonPath("$.facts[*].reference").isEqualTo(List.of(transfer));
        ok(zhejiang, "/partner/v1/pairings/{id}/agreements/2026/progress?month=2026-06", ZHEJIANG_SICHUAN)
                .jsonPath("$.lines.FISCAL_AID_YUAN.achieved").isEqualTo(8000000);

        // Guangdong's system sees and changes none of it: another partner's pairing is one that does not exist
        guangdong.get().uri("/partner/v1/pairings/{id}/agreements/2026", ZHEJIANG_SICHUAN).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.facts").doesNotExist();
        guangdong.get().uri("/partner/v1/pairings/{id}/agreements/2026/progress?month=2026-06", ZHEJIANG_SICHUAN).exchange()
                .expectStatus().isNotFound();
        guangdong.get().uri("/partner/v1/pairings/{id}", ZHEJIANG_SICHUAN).exchange().expectStatus().isNotFound();
        ok(guangdong, "/partner/v1/pairings")
                .jsonPath("$[*].pairingId").value(List.class, ids ->
                        assertThat(ids).contains("pair-44-52").doesNotContain(ZHEJIANG_SICHUAN));
        submit(guangdong, "gd-2026-06-st05", Map.of("type", "fund-transfer", "pairingId", ZHEJIANG_SICHUAN, "year", 2026,
                "reference", "gd-sc-2026-st05", "receivingCountyCode", ZHAOJUE, "amountYuan", 1000000, "purpose", "not its pairing",
                "on", "2026-06-01"))
                .jsonPath("$.recorded").isEqualTo(0)
                .jsonPath("$.items[0].status").isEqualTo(404);
        ok(cooperation, "/api/v1/pairings/{id}/agreements/2026", ZHEJIANG_SICHUAN)
                .jsonPath("$.facts[*].reference").isEqualTo(List.of(transfer));
    }

    @Test
    @Order(6)
    void a_loan_repayment_missed_past_gansus_fifteen_days_of_grace_is_announced_overdue_and_opens_a_case_in_monitoring() {
        clock.setDay(LocalDate.of(2026, 6, 15));
        String household = household(MIN_COUNTY, true, 18000,
                member("62112619800404171", "HEAD", "FULL", "angelica planting"),
                member("62112619820808172", "SPOUSE", "FULL"),
                member("62112620100110173", "CHILD", "NONE"));
        eventually(() -> industry.get().uri("/api/v1/households/{id}", household).exchange().expectStatus().isOk());
        String loan = (String) created(industry, "/api/v1/loans", Map.of("householdId", household, "borrowerMemberId", "m-1",
                "amountYuan", 30000, "termMonths", 12, "purpose", "PLANTING")).get("loanId");
        post(industry, "/api/v1/loans/{id}/decision", Map.of("approve", true, "reason", "angelica plot and buyer checked"), loan)
                .expectStatus().isOk();
        // the 1-year LPR of 3.0%; in Gansu the subsidy pays 80% of the interest and allows 15 days' grace; interest due quarterly
        industry.post().uri("/api/v1/loans/{id}/disbursement", loan).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DISBURSED")
                .jsonPath("$.subsidyShare").isEqualTo(0.8)
                .jsonPath("$.instalments.length()").isEqualTo(4)
                .jsonPath("$.instalments[0].dueOn").isEqualTo("2026-09-15")
                .jsonPath("$.instalments[0].interestYuan").isEqualTo(230.0)
                .jsonPath("$.instalments[0].subsidyYuan").isEqualTo(184.0);
        eventually(() -> ok(monitoring, "/api/v1/households/{id}", household)
                .jsonPath("$.measures[?(@.kind == 'MICROCREDIT')].reference").isEqualTo(List.of(loan)));

        // nothing paid on the 46 yuan due 15 September: still within grace on the 30th, overdue on 1 October
        clock.setDay(LocalDate.of(2026, 9, 30));
        industry.post().uri("/api/v1/loans/overdue-scan").exchange().expectStatus().isOk();
        ok(industry, "/api/v1/loans/{id}", loan).jsonPath("$.instalments[0].overdueAnnounced").isEqualTo(false);
        clock.setDay(LocalDate.of(2026, 10, 1));
        industry.post().uri("/api/v1/loans/overdue-scan").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.announced").isEqualTo(1);
        ok(industry, "/api/v1/loans/{id}", loan).jsonPath("$.instalments[0].overdueAnnounced").isEqualTo(true);

        LoanOverdue overdue = awaitEvent(EventCatalogue.LOAN_OVERDUE, household);
        assertThat(overdue.loanId()).isEqualTo(loan);
        assertThat(overdue.overdueAmountYuan()).isEqualByComparingTo("46.00");
        assertThat(overdue.dueOn()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(overdue.daysOverdue()).isEqualTo(16);

        // 6,000 yuan a person against Gansu's 6,700: the warning opens an identification case
        CaseOpened opened = awaitEvent(EventCatalogue.CASE_OPENED, household);
        assertThat(opened.riskTypes()).containsExactly(RiskType.INDUSTRY_FAILURE);
        assertThat(opened.openedOn()).isEqualTo(LocalDate.of(2026, 10, 1));
        eventually(() -> ok(monitoring, "/api/v1/households/{id}", household)
                .jsonPath(ASSISTANCE_SIGNALS + ".riskType").isEqualTo(List.of("INDUSTRY_FAILURE"))
                .jsonPath(ASSISTANCE_SIGNALS + ".observedOn").isEqualTo(List.of("2026-09-15"))
                .jsonPath(ASSISTANCE_SIGNALS + ".outcome").isEqualTo(List.of("CASE_OPENED"))
                .jsonPath("$.openCaseId").isEqualTo(opened.caseId()));
        eventually(() -> kpis(MIN_COUNTY, "2026")
                .jsonPath("$.microcredit.issued").isEqualTo(1)
                .jsonPath("$.microcredit.issuedYuan").isEqualTo(30000)
                .jsonPath("$.microcredit.overdue").isEqualTo(1)
                .jsonPath("$.microcredit.overdueYuan").isEqualTo(46.0)
                .jsonPath("$.households.underIdentification").isEqualTo(1));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The five steps of a case (identification or exit), each approved, the village review after its 5-day notice. */
    private static void identify(String caseId) {
        LocalDate opened = clock.today();
        system.approve(caseId, CaseStep.HOUSEHOLD_VISIT, null);
        system.approve(caseId, CaseStep.DATA_CROSS_CHECK, null);
        clock.setDay(opened.plusDays(5));
        system.approve(caseId, CaseStep.VILLAGE_REVIEW, opened);
        system.approve(caseId, CaseStep.TOWNSHIP_REVIEW, null);
        system.approve(caseId, CaseStep.COUNTY_APPROVAL, null);
    }

    /** Each month's cattle income (2,000 yuan, 700 of it costs), entered early the next month. */
    private static void recordCattleIncome(String household, YearMonth from, YearMonth to) {
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            clock.setDay(month.plusMonths(1).atDay(2));
            post(monitoring, "/api/v1/households/{id}/income", Map.of("entryId", "cattle-" + month, "month", month.toString(),
                    "source", "OPERATING", "amountYuan", 2000, "operatingCostYuan", 700), household)
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.recorded").isEqualTo(true);
        }
    }

    /** A project proposed by a village of the county, reviewed by the township and approved by the county. */
    private static String approvedProject(String county, String name, ProjectCategory category, int budgetYuan) {
        Map<?, ?> proposed = created(industry, "/api/v1/projects", Map.of("countyCode", county, "villageCode", county + "100201",
                "name", name, "category", category, "budgetYuan", budgetYuan, "year", 2026));
        String project = (String) proposed.get("projectId");
        assertThat(proposed.get("status")).isEqualTo("PROPOSED");
        post(industry, "/api/v1/projects/{id}/decisions", Map.of("approve", true, "reason", "township: in the plan"), project)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("TOWNSHIP_REVIEWED");
        post(industry, "/api/v1/projects/{id}/decisions", Map.of("approve", true, "reason", "county: approved"), project)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("APPROVED");
        return project;
    }

    private static WebTestClient.BodyContentSpec fund(String project, String reference, String source, int amountYuan) {
        return post(industry, "/api/v1/projects/{id}/funding", Map.of("reference", reference, "source", source, "amountYuan", amountYuan),
                project).expectStatus().isOk().expectBody();
    }

    /** Registers a household of a village of the county; its members are m-1, m-2, ... in the order given. */
    @SafeVarargs
    private static String household(String county, boolean liftedFromPoverty, int annualNetIncomeYuan, Map<String, Object>... members) {
        Map<?, ?> registered = created(monitoring, "/api/v1/households", Map.of("region", region(county),
                "liftedFromPoverty", liftedFromPoverty, "annualNetIncomeYuan", annualNetIncomeYuan, "members", List.of(members)));
        return (String) registered.get("householdId");
    }

    /** A member, medically insured; a child at school. The ID number is the first 17 characters with their check character. */
    private static Map<String, Object> member(String idFirst17, String relation, String labourCapacity, String... skills) {
        Map<String, Object> member = new HashMap<>(Map.of("idNumber", IdNumbers.withCheckCharacter(idFirst17), "relation", relation,
                "labourCapacity", labourCapacity, "skills", List.of(skills), "medicallyInsured", true, "pensionInsured", true));
        if ("CHILD".equals(relation)) {
            member.put("schoolStage", "COMPULSORY");
        }
        return member;
    }

    /** The first village of the first township of the county. */
    private static Map<String, Object> region(String county) {
        return Map.of("provinceCode", county.substring(0, 2) + "0000", "countyCode", county, "townshipCode", county + "100",
                "villageCode", county + "100201");
    }

    /** A partner's submission of items; the answer (200) reports each item on its own. */
    @SafeVarargs
    private static WebTestClient.BodyContentSpec submit(WebTestClient partner, String messageId, Map<String, Object>... items) {
        return post(partner, "/partner/v1/submissions", Map.of("messageId", messageId, "items", List.of(items)))
                .expectStatus().isOk().expectBody();
    }

    /** A client of the service whose token carries only these roles, in this region. */
    private static WebTestClient as(String service, String subject, String region, String... roles) {
        return system.client(service).mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(subject, List.of(roles), region)).build();
    }

    private static WebTestClient.BodyContentSpec kpis(String region, String period) {
        return ok(consultation, "/api/v1/kpis?region={region}&period={period}", region, period);
    }

    private static WebTestClient.BodyContentSpec ok(WebTestClient service, String uri, Object... uriVariables) {
        return service.get().uri(uri, uriVariables).exchange().expectStatus().isOk().expectBody();
    }

    private static Map<?, ?> created(WebTestClient service, String uri, Object body, Object... uriVariables) {
        return post(service, uri, body, uriVariables).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static WebTestClient.ResponseSpec post(WebTestClient service, String uri, Object body, Object... uriVariables) {
        return service.post().uri(uri, uriVariables).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static WebTestClient.ResponseSpec patch(WebTestClient service, String uri, Object body, Object... uriVariables) {
        return service.patch().uri(uri, uriVariables).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static WebTestClient.ResponseSpec put(WebTestClient service, String uri, Object body, Object... uriVariables) {
        return service.put().uri(uri, uriVariables).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** A JSON path to the elements of a list whose field has the value. */
    private static String where(String list, String field, String value) {
        return list + "[?(@." + field + " == '" + value + "')]";
    }

    /** Waits for an effect that crosses a topic. */
    private static void eventually(ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(assertion);
    }

    /** The first event of the type about the key (household, pairing, project or county), waiting for it. */
    private static ConsumerRecord<String, byte[]> awaitRecord(EventType<?> type, String key) {
        return TopicReader.awaitRecords(type.topic().name(), 1, record -> key.equals(record.key())
                && type.name().equals(TopicReader.header(record, CloudEventHeaders.TYPE))).get(0);
    }

    private static <E extends DomainEvent> E awaitEvent(EventType<E> type, String key) {
        return decoded(awaitRecord(type, key), type);
    }

    /** At least {@code count} events of the type about the key, in the topic's order. */
    private static <E extends DomainEvent> List<E> awaitEvents(EventType<E> type, String key, int count) {
        return TopicReader.awaitRecords(type.topic().name(), count, record -> key.equals(record.key())
                        && type.name().equals(TopicReader.header(record, CloudEventHeaders.TYPE)))
                .stream().map(record -> decoded(record, type)).toList();
    }

    private static <E extends DomainEvent> E decoded(ConsumerRecord<String, byte[]> record, EventType<E> type) {
        return type.payload().cast(EventCodec.decode(type.name(), record.value()));
    }
}
