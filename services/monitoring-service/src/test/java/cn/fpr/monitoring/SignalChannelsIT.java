package cn.fpr.monitoring;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.Department;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.Topics;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.monitoring.household.Household;
import cn.fpr.testsupport.TestProducer;
import cn.fpr.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The three discovery channels: what each signal leads to, and what a bad one is told. */
class SignalChannelsIT extends MonitoringServiceTest {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.DEPARTMENT_SIGNALS.name(), "monitoring-service");

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void the_same_signal_posted_twice_opens_one_case_and_a_cadre_visit_is_linked_to_it() {
        String household = registerFamily(30000);
        Map<String, Object> warning = Map.of("signalId", "HR-77", "householdId", household, "department", "HUMAN_RESOURCES",
                "riskType", "UNSTABLE_EMPLOYMENT", "observedOn", "2026-03-10", "annualNetIncomeYuan", 9000);

        signal(warning, 200).jsonPath("$.outcome").isEqualTo("CASE_OPENED");
        signal(warning, 200).jsonPath("$.outcome").isEqualTo("DUPLICATE");
        post("/api/v1/visits", Map.of("visitId", "v-1", "householdId", household, "cadreId", "cadre-li", "visitedOn", "2026-03-16",
                "riskType", "ILLNESS", "housingGrade", "C"), 200).jsonPath("$.outcome").isEqualTo("LINKED_TO_OPEN_CASE");

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(household, Household.class).block().outbox().isEmpty());
        assertThat(published(household, "case-opened", 1)).hasSize(1);
        get("/api/v1/households/{id}", household)
                .jsonPath("$.signals.length()").isEqualTo(2)
                .jsonPath("$.cases.length()").isEqualTo(1)
                .jsonPath("$.cases[0].riskTypes.length()").isEqualTo(2)
                .jsonPath("$.housingGrade").isEqualTo("C");
    }

    @Test
    void a_household_above_the_line_with_every_guarantee_secure_is_recorded_without_a_case() {
        String household = registerFamily(40000);

        signal(Map.of("signalId", "CA-1", "householdId", household, "department", "CIVIL_AFFAIRS",
                "riskType", "OTHER", "observedOn", "2026-03-01"), 200).jsonPath("$.outcome").isEqualTo("NOT_AT_RISK");

        get("/api/v1/households/{id}", household).jsonPath("$.status").isEqualTo("REGISTERED")
                .jsonPath("$.assessment.perCapitaNetIncomeYuan").isEqualTo(13333.33);
    }

    @Test
    void a_bulk_of_visits_gets_a_receipt_each_and_an_unknown_household_does_not_stop_the_rest() {
        String household = registerFamily(12000);

        http.post().uri("/api/v1/visits/bulk").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("visits", List.of(
                        Map.of("visitId", "b-1", "householdId", household, "cadreId", "cadre-li", "visitedOn", "2026-03-16",
                                "riskType", "UNSTABLE_EMPLOYMENT"),
                        Map.of("visitId", "b-2", "householdId", "hh-nobody", "cadreId", "cadre-li", "visitedOn", "2026-03-16",
                                "riskType", "OTHER"))))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].outcome").isEqualTo("CASE_OPENED")
                .jsonPath("$[1].error").isEqualTo("no household hh-nobody in the registry");
    }

    @Test
    void a_self_declaration_without_the_signed_authorisation_is_refused_naming_the_field() {
        String household = registerFamily(12000);

        post("/api/v1/declarations", Map.of("declarationId", "d-9", "householdId", household, "riskType", "SCHOOLING",
                "declaredOn", "2026-03-16", "authorisationSigned", false), 400)
                .jsonPath("$.errors[0].field").isEqualTo("authorisationSigned");
        get("/api/v1/households/{id}", household).jsonPath("$.signals.length()").isEqualTo(0);
    }

    @Test
    void a_signal_for_a_household_not_in_the_registry_is_dead_lettered_with_the_reason() {
        String unknown = "hh-520526-unknown-" + UUID.randomUUID();

        TestProducer.publish("/departments/medical-insurance", "corr-unknown", new DepartmentSignalReceived("MI-X", unknown,
                Department.MEDICAL_INSURANCE, RiskType.ILLNESS, DAY_ONE, null, BigDecimal.ONE, null));

        ConsumerRecord<String, byte[]> dead = TopicReader.awaitRecords(DEAD_LETTERS, 1, r -> unknown.equals(r.key())).get(0);
        assertThat(TopicReader.header(dead, "x-exception-message")).contains("no household " + unknown + " in the registry");
    }

    @Test
    void warnings_arriving_together_are_each_applied_once_and_a_bad_one_among_them_is_dead_lettered_alone() {
        List<String> households = List.of(registerFamily(9000), registerFamily(9000), registerFamily(9000));
        String unknown = "hh-520526-unknown-" + UUID.randomUUID();

        // sent back to back, so that the service's consumer takes several of them in one poll
        for (int round = 1; round <= 3; round++) {
            for (String household : households) {
                TestProducer.publish("/departments/medical-insurance", "corr-together-" + round, new DepartmentSignalReceived(
                        "MI-T" + round, household, Department.MEDICAL_INSURANCE, RiskType.ILLNESS, DAY_ONE, null, BigDecimal.ONE, null));
            }
            if (round == 2) {
                TestProducer.publish("/departments/medical-insurance", "corr-together-x", new DepartmentSignalReceived("MI-TX", unknown,
                        Department.MEDICAL_INSURANCE, RiskType.ILLNESS, DAY_ONE, null, BigDecimal.ONE, null));
            }
        }

        ConsumerRecord<String, byte[]> dead = TopicReader.awaitRecords(DEAD_LETTERS, 1, r -> unknown.equals(r.key())).get(0);
        assertThat(TopicReader.header(dead, "x-exception-message")).contains("no household " + unknown + " in the registry");
        for (String household : households) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/households/{id}", household)
                    .jsonPath("$.signals.length()").isEqualTo(3)
                    .jsonPath("$.cases.length()").isEqualTo(1));
            assertThat(published(household, "case-opened", 1)).hasSize(1);
        }
        assertThat(TopicReader.all(DEAD_LETTERS)).noneMatch(r -> households.contains(r.key()));
    }

    @Test
    void a_malformed_signal_on_the_topic_is_dead_lettered_with_the_field_and_changes_nothing() {
        String household = registerFamily(12000);
        EventEnvelope<DepartmentSignalReceived> envelope = EventEnvelope.of(UUID.randomUUID().toString(), "/departments/education",
                clock.instant(), "corr-bad", new DepartmentSignalReceived("ED-1", household, Department.EDUCATION,
                        RiskType.SCHOOLING, DAY_ONE, null, null, null));
        String wrongDate = "{\"signalId\":\"ED-1\",\"householdId\":\"" + household + "\",\"department\":\"EDUCATION\","
                + "\"riskType\":\"SCHOOLING\",\"observedOn\":\"last week\"}";

        TestProducer.send(Topics.DEPARTMENT_SIGNALS.name(), household, CloudEventHeaders.toHeaders(envelope),
                wrongDate.getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> dead = TopicReader.awaitRecords(DEAD_LETTERS, 1, r -> household.equals(r.key())).get(0);
        assertThat(TopicReader.header(dead, "x-exception-message")).contains("/observedOn");
        get("/api/v1/households/{id}", household).jsonPath("$.signals.length()").isEqualTo(0);
    }

    @Test
    void a_departmental_system_submits_its_own_departments_warnings_only() {
        String household = registerFamily(16000);
        departmentSystem("MEDICAL_INSURANCE").post().uri("/api/v1/signals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("signalId", "CA-forged", "householdId", household, "department", "CIVIL_AFFAIRS",
                        "riskType", "OTHER", "observedOn", "2026-03-01")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("MEDICAL_INSURANCE"));
        assertThat(new String(get("/api/v1/households/{id}", household).returnResult().getResponseBody(), StandardCharsets.UTF_8))
                .as("the forged warning left no trace").doesNotContain("CA-forged");
    }

    @Test
    void a_posted_signal_for_an_unknown_household_names_the_field() {
        signal(Map.of("signalId", "ED-1", "householdId", "hh-nobody", "department", "EDUCATION",
                "riskType", "SCHOOLING", "observedOn", "2026-03-01"), 422)
                .jsonPath("$.errors[0].field").isEqualTo("householdId");
    }

    @Test
    void registration_with_a_wrong_id_number_names_the_member_and_stores_nothing() {
        long before = households();
        String good = idNumber(1960);
        String wrong = good.substring(0, 17) + (good.endsWith("0") ? "1" : "0");

        post("/api/v1/households", registration(20000, List.of(member(good, "HEAD", "FULL", null),
                member(wrong, "SPOUSE", "FULL", null))), 422)
                .jsonPath("$.errors[0].field").isEqualTo("members[1].idNumber")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain(wrong));

        assertThat(households()).isEqualTo(before);
    }

    @Test
    void one_person_in_registrations_sent_at_once_is_registered_in_one_household_and_the_others_are_refused_naming_the_member()
            throws Exception {
        long before = households();
        String shared = idNumber(1968);
        ExecutorService senders = Executors.newFixedThreadPool(6);
        try {
            List<Future<EntityExchangeResult<byte[]>>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Map<String, Object> body = registration(20000, List.of(member(idNumber(1990), "HEAD", "FULL", null),
                        member(shared, "SPOUSE", "FULL", null)));
                sent.add(senders.submit(() -> http.post().uri("/api/v1/households").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body).exchange().expectBody().returnResult()));
            }
            List<EntityExchangeResult<byte[]>> answers = new ArrayList<>();
            for (Future<EntityExchangeResult<byte[]>> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(answers).extracting(answer -> answer.getStatus().value()).containsOnlyOnce(201).containsOnly(201, 422);
            assertThat(answers).filteredOn(answer -> answer.getStatus().value() == 422).allSatisfy(refused ->
                    assertThat(new String(refused.getResponseBodyContent(), StandardCharsets.UTF_8))
                            .contains("\"field\":\"members[1].idNumber\"").contains("already registered").doesNotContain(shared));
        } finally {
            senders.shutdownNow();
        }
        assertThat(households()).isEqualTo(before + 1);
    }

    @Test
    void registration_without_a_county_code_names_the_field() {
        Map<String, Object> body = registration(20000, List.of(member(idNumber(1960), "HEAD", "FULL", null)));
        body.put("region", Map.of("provinceCode", "520000", "townshipCode", "520526100", "villageCode", "520526100201"));

        post("/api/v1/households", body, 400).jsonPath("$.errors[0].field").isEqualTo("region.countyCode");
    }

    @Test
    void the_registry_lists_a_region_by_status_a_page_at_a_time_without_id_numbers() {
        registerFamily(50000);
        registerFamily(50000);

        byte[] page = get("/api/v1/households?region=520526&status=REGISTERED&size=1")
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].status").isEqualTo("REGISTERED")
                .returnResult().getResponseBody();
        assertThat(new String(page, StandardCharsets.UTF_8)).doesNotContain("idHash").doesNotContain("0101");
        http.get().uri("/api/v1/households?region=52").exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("region");
    }

    private long households() {
        return mongo.count(new Query(), Household.class).block();
    }
}
