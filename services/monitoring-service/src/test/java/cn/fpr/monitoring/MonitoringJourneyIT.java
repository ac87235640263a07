package cn.fpr.monitoring;

import cn.fpr.contracts.AssistanceNeed;
import cn.fpr.contracts.CaseKind;
import cn.fpr.contracts.CaseOutcome;
import cn.fpr.contracts.CaseStep;
import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.Department;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.household.CaseClosed;
import cn.fpr.contracts.household.CaseOpened;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.HouseholdRiskEliminated;
import cn.fpr.contracts.household.LabourMember;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.testsupport.TestProducer;
import cn.fpr.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.awaitility.Awaitility.await;

/**
 * One household's whole way through monitoring: a medical-insurance warning, identification inside
 * 15 days, household-flagged, a job from employment, six months of income above the line, the
 * exit review, household-risk-eliminated — with every step on its timeline.
 */
class MonitoringJourneyIT extends MonitoringServiceTest {

    @Test
    void from_a_department_warning_through_identification_and_six_months_of_work_to_risk_elimination() {
        String household = registerFamily(30000);

        // a medical-insurance warning: 38,000 yuan out of pocket for an operation
        TestProducer.publish("/departments/medical-insurance", "corr-journey", new DepartmentSignalReceived("MI-2026-0316-77",
                household, Department.MEDICAL_INSURANCE, RiskType.ILLNESS, DAY_ONE.minusDays(4), null, new BigDecimal("38000"),
                "inpatient surgery, county hospital"));
        CaseOpened opened = payload(published(household, "case-opened", 1).get(0));
        assertThat(opened.kind()).isEqualTo(CaseKind.IDENTIFICATION);
        assertThat(opened.dueOn()).isEqualTo(DAY_ONE.plusDays(15));

        // the household also declares it itself: linked to the same case
        post("/api/v1/declarations", Map.of("declarationId", "decl-1", "householdId", household, "riskType", "ILLNESS",
                "declaredOn", DAY_ONE.toString(), "authorisationSigned", true), 200)
                .jsonPath("$.outcome").isEqualTo("LINKED_TO_OPEN_CASE");

        // identification: visit, cross-check, village review after 5 days of public notice, township, county
        String caseId = opened.caseId();
        approve(caseId, CaseStep.HOUSEHOLD_VISIT, null);
        clock.setDay(DAY_ONE.plusDays(2));
        approve(caseId, CaseStep.DATA_CROSS_CHECK, null);
        clock.setDay(DAY_ONE.plusDays(7));
        approve(caseId, CaseStep.VILLAGE_REVIEW, DAY_ONE.plusDays(2));
        clock.setDay(DAY_ONE.plusDays(8));
        // a village cadre cannot take the township's review, whatever the body says; the reviewer's token names who took it
        as("cadre-wang", "520526100201", "VILLAGE_CADRE").post().uri("/api/v1/cases/{id}/steps", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("step", "TOWNSHIP_REVIEW", "decision", "APPROVE",
                        "reason", "looks fine", "role", "TOWNSHIP_REVIEWER", "actorId", "reviewer-liu"))
                .exchange().expectStatus().isForbidden();
        as("reviewer-liu", "520526100", "TOWNSHIP_REVIEWER").post().uri("/api/v1/cases/{id}/steps", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("step", "TOWNSHIP_REVIEW", "decision", "APPROVE",
                        "reason", "reviewed at the township"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.steps[3].role").isEqualTo("TOWNSHIP_REVIEWER")
                .jsonPath("$.steps[3].actorId").isEqualTo("reviewer-liu");
        approve(caseId, CaseStep.COUNTY_APPROVAL, null);
        // each decision is on the audit trail with who took it (written with the step, relayed from its outbox)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("operator-chen", "000000", "OPERATOR").get()
                .uri("/api/v1/audit?action=case-step&subject={id}", caseId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(5)
                .jsonPath("$[?(@.detail == 'TOWNSHIP_REVIEW APPROVE')].actor").value(actors ->
                        assertThat((List<String>) actors).containsExactly("reviewer-liu"))
                .jsonPath("$[0].region").isEqualTo(opened.region().villageCode()));

        ConsumerRecord<String, byte[]> flaggedRecord = published(household, "household-flagged", 1).get(0);
        HouseholdFlagged flagged = payload(flaggedRecord);
        assertThat(flagged.category()).isEqualTo(HouseholdCategory.UNSTABLE_LIFTED);
        assertThat(flagged.riskTypes()).containsExactly(RiskType.ILLNESS);
        assertThat(flagged.hasLabour()).isTrue();
        assertThat(flagged.labourMembers()).extracting(LabourMember::labourCapacity)
                .containsExactly(LabourCapacity.FULL, LabourCapacity.WEAK_OR_HALF);
        assertThat(flagged.assistanceNeeds()).containsExactly(AssistanceNeed.MEDICAL_ASSISTANCE, AssistanceNeed.SUITABLE_WORK);
        assertThat(flagged.thresholdYuan()).as("Guizhou's 2026 line").isEqualByComparingTo("7300");
        assertThat(flagged.flaggedOn()).isEqualTo(DAY_ONE.plusDays(8));
        assertThat(TopicReader.header(flaggedRecord, CloudEventHeaders.CORRELATION_ID))
                .as("the chain the warning started").isEqualTo("corr-journey");
        assertThat(new String(flaggedRecord.value(), StandardCharsets.UTF_8)).doesNotContain("19790101");
        CaseClosed closed = payload(published(household, "case-closed", 1).get(0));
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.APPROVED);

        // employment places the head in a job from April; the medical costs are reimbursed
        TestProducer.publish("/fpr/employment-service", "corr-job", new JobPlaced("pl-77", household, "m-1",
                OpeningKind.EAST_WEST_LABOUR_OFFER, "440306", new BigDecimal("4500"), LocalDate.of(2026, 4, 1), true, "pair-44-52"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("/api/v1/households/{id}", household).jsonPath("$.employments[0].placementId").isEqualTo("pl-77"));
        http.patch().uri("/api/v1/households/{id}", household).bodyValue(Map.of("rigidSpendingResolved", true))
                .exchange().expectStatus().isOk();

        // five months of wages by mid-September: not yet
        clock.setDay(LocalDate.of(2026, 9, 15));
        get("/api/v1/households/{id}/exit-eligibility", household)
                .jsonPath("$.eligible").isEqualTo(false)
                .jsonPath("$.stableMonths").isEqualTo(5);
        post("/api/v1/households/" + household + "/exit-reviews", Map.of(), 422)
                .jsonPath("$.errors[0].field").isEqualTo("householdId");

        // six by mid-October: the exit review runs the same steps
        clock.setDay(LocalDate.of(2026, 10, 15));
        get("/api/v1/households/{id}/exit-eligibility", household).jsonPath("$.eligible").isEqualTo(true);
        post("/api/v1/households/" + household + "/exit-reviews", Map.of(), 201);
        String exitCase = openCaseOf(household);
        approve(exitCase, CaseStep.HOUSEHOLD_VISIT, null);
        approve(exitCase, CaseStep.DATA_CROSS_CHECK, null);
        clock.setDay(LocalDate.of(2026, 10, 20));
        approve(exitCase, CaseStep.VILLAGE_REVIEW, LocalDate.of(2026, 10, 15));
        approve(exitCase, CaseStep.TOWNSHIP_REVIEW, null);
        approve(exitCase, CaseStep.COUNTY_APPROVAL, null);

        HouseholdRiskEliminated eliminated = payload(published(household, "household-risk-eliminated", 1).get(0));
        assertThat(eliminated.stableMonths()).isEqualTo(6);
        assertThat(eliminated.caseId()).isEqualTo(exitCase);
        assertThat(eliminated.eliminatedOn()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(eliminated.perCapitaNetIncomeYuan()).isEqualByComparingTo("18000");
        // the income the exit review verified (18,000 yuan a person) replaces the 30,000 reported at registration:
        // a later warning is judged against it
        get("/api/v1/households/{id}", household)
                .jsonPath("$.status").isEqualTo("RISK_ELIMINATED")
                .jsonPath("$.annualNetIncomeYuan").isEqualTo(54000.0);

        // the timeline tells it all, in order, each entry with the chain it belongs to
        get("/api/v1/households/{id}/timeline", household)
                .jsonPath("$[0].kind").isEqualTo("registration")
                .jsonPath("$[1].summary").isEqualTo("HouseholdRegistered")
                .jsonPath("$[2].kind").isEqualTo("event")
                .jsonPath("$[2].summary").isEqualTo("CaseOpened")
                .jsonPath("$[2].correlationId").isEqualTo("corr-journey")
                .jsonPath("$[3].kind").isEqualTo("signal")
                .jsonPath("$[?(@.summary == 'HouseholdFlagged')].correlationId").value(everyItem(equalTo("corr-journey")))
                .jsonPath("$[?(@.kind == 'measure')].correlationId").value(everyItem(equalTo("corr-job")))
                .jsonPath("$[-1].summary").isEqualTo("HouseholdRiskEliminated");
    }
}
