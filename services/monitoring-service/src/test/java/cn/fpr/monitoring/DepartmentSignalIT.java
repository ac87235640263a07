package cn.fpr.monitoring;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.Department;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.Topics;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.LabourMember;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.monitoring.household.Household;
import cn.fpr.platform.identity.IdNumbers;
import cn.fpr.testsupport.FixedClock;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestProducer;
import cn.fpr.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A department's warning, from either door, to household-flagged on the real broker and store. */
@SpringBootTest(classes = MonitoringApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=monitoring")
@Import(FixedClock.class)
class DepartmentSignalIT extends ServiceIntegrationTest {

    static final Instant NOW = FixedClock.NOW;
    private static final java.util.concurrent.atomic.AtomicInteger SERIALS = new java.util.concurrent.atomic.AtomicInteger();


    @Autowired
    ReactiveMongoTemplate mongo;


    @Test
    void a_medical_insurance_warning_on_the_signals_topic_flags_the_household_once() {
        String head = idNumber("1979");
        String spouse = idNumber("1982");
        String child = idNumber("2015");
        String household = register(head, spouse, child);

        sendToSignalsTopic(signal("MI-" + UUID.randomUUID(), household, new BigDecimal("38000")), "corr-mi-1");

        ConsumerRecord<String, byte[]> record = TopicReader.awaitRecords(Topics.HOUSEHOLD.name(), 1, r -> household.equals(r.key())).get(0);
        HouseholdFlagged flagged = (HouseholdFlagged) EventCodec.decode(TopicReader.header(record, CloudEventHeaders.TYPE), record.value());
        assertThat(flagged.category()).isEqualTo(HouseholdCategory.UNSTABLE_LIFTED);
        assertThat(flagged.riskTypes()).containsExactly(RiskType.ILLNESS);
        assertThat(flagged.thresholdYuan()).as("Guizhou's 2026 line").isEqualByComparingTo("7300");
        assertThat(flagged.perCapitaNetIncomeYuan()).isEqualByComparingTo("-2666.67");
        assertThat(flagged.flaggedOn()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(flagged.labourMembers()).extracting(LabourMember::labourCapacity)
                .containsExactly(LabourCapacity.FULL, LabourCapacity.WEAK_OR_HALF);
        assertThat(TopicReader.header(record, CloudEventHeaders.CORRELATION_ID)).isEqualTo("corr-mi-1");
        String onTheWire = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(List.of(head, spouse, child)).noneSatisfy(id -> assertThat(onTheWire).contains(id));
    }

    @Test
    void the_same_signal_posted_again_is_a_duplicate_and_no_second_flag_is_published() {
        String household = register(idNumber("1970"), idNumber("1996"));
        Map<String, Object> body = Map.of("signalId", "HR-77", "householdId", household, "department", "HUMAN_RESOURCES",
                "riskType", "UNSTABLE_EMPLOYMENT", "observedOn", "2026-03-10", "annualNetIncomeYuan", 9000);

        postSignal(body).jsonPath("$.outcome").isEqualTo("FLAGGED");
        postSignal(body).jsonPath("$.outcome").isEqualTo("DUPLICATE");

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(household, Household.class).block().outbox().isEmpty());
        assertThat(TopicReader.awaitRecords(Topics.HOUSEHOLD.name(), 1, r -> household.equals(r.key()))).hasSize(1);
        assertThat(mongo.findById(household, Household.class).block().signals()).hasSize(1);
    }

    @Test
    void a_signal_above_the_line_is_recorded_without_flagging() {
        String household = register(idNumber("1975"), idNumber("1977"));

        postSignal(Map.of("signalId", "CA-1", "householdId", household, "department", "CIVIL_AFFAIRS",
                "riskType", "OTHER", "observedOn", "2026-03-01", "annualNetIncomeYuan", 40000))
                .jsonPath("$.outcome").isEqualTo("NOT_AT_RISK");

        http.get().uri("/api/v1/households/{id}", household).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REGISTERED");
    }

    @Test
    void a_signal_for_a_household_not_in_the_registry_is_dead_lettered_with_the_reason() {
        String unknown = "hh-520526-unknown-" + UUID.randomUUID();

        sendToSignalsTopic(signal("MI-X", unknown, BigDecimal.ZERO), "corr-unknown");

        ConsumerRecord<String, byte[]> dead = TopicReader.awaitRecords("error." + Topics.DEPARTMENT_SIGNALS.name() + ".monitoring-service",
                1, r -> unknown.equals(r.key())).get(0);
        assertThat(TopicReader.header(dead, "x-exception-message")).contains("no household " + unknown + " in the registry");
    }

    @Test
    void registration_with_a_wrong_id_number_names_the_member_field_and_stores_nothing() {
        long householdsBefore = householdCount();
        String wrong = idNumber("1980").substring(0, 17) + (idNumber("1980").endsWith("0") ? "1" : "0");

        http.post().uri("/api/v1/households").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(registration(List.of(member(idNumber("1960"), "HEAD", "FULL"), member(wrong, "SPOUSE", "FULL"))))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("members[1].idNumber");

        assertThat(householdCount()).isEqualTo(householdsBefore);
    }

    @Test
    void registration_without_a_county_code_names_the_field() {
        Map<String, Object> body = registration(List.of(member(idNumber("1960"), "HEAD", "FULL")));
        body.put("region", Map.of("provinceCode", "520000", "townshipCode", "520526100", "villageCode", "520526100201"));

        http.post().uri("/api/v1/households").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("region.countyCode");
    }

    @Test
    void a_posted_signal_for_an_unknown_household_names_the_field() {
        postSignalExpecting(Map.of("signalId", "ED-1", "householdId", "hh-nobody", "department", "EDUCATION",
                "riskType", "SCHOOLING", "observedOn", "2026-03-01"), 422)
                .jsonPath("$.errors[0].field").isEqualTo("householdId");
    }

    private long householdCount() {
        return mongo.count(new Query(), Household.class).block();
    }

    private String register(String... idNumbers) {
        List<Map<String, Object>> members = new java.util.ArrayList<>();
        String[] relations = {"HEAD", "SPOUSE", "CHILD", "PARENT"};
        for (int i = 0; i < idNumbers.length; i++) {
            int birthYear = Integer.parseInt(idNumbers[i].substring(6, 10));
            String capacity = birthYear > 2008 ? "NONE" : i == 0 ? "FULL" : "WEAK_OR_HALF";
            members.add(member(idNumbers[i], relations[i], capacity));
        }
        byte[] response = http.post().uri("/api/v1/households").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(registration(members))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.members[0].maskedIdNumber").value(masked ->
                        assertThat((String) masked).isEqualTo(IdNumbers.mask(idNumbers[0])))
                .returnResult().getResponseBody();
        String json = new String(response, StandardCharsets.UTF_8);
        for (String id : idNumbers) {
            assertThat(json).doesNotContain(id);
        }
        return json.replaceAll("(?s).*\"householdId\":\"([^\"]+)\".*", "$1");
    }

    private static Map<String, Object> registration(List<Map<String, Object>> members) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("region", Map.of("provinceCode", "520000", "countyCode", "520526", "townshipCode", "520526100",
                "villageCode", "520526100201"));
        body.put("liftedFromPoverty", true);
        body.put("annualNetIncomeYuan", 30000);
        body.put("members", members);
        return body;
    }

    private static Map<String, Object> member(String idNumber, String relation, String capacity) {
        return Map.of("idNumber", idNumber, "relation", relation, "labourCapacity", capacity, "skills", List.of("farming"));
    }

    private WebTestClient.BodyContentSpec postSignal(Map<String, Object> body) {
        return postSignalExpecting(body, 200);
    }

    private WebTestClient.BodyContentSpec postSignalExpecting(Map<String, Object> body, int status) {
        return http.post().uri("/api/v1/signals").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status).expectBody();
    }

    private static DepartmentSignalReceived signal(String signalId, String household, BigDecimal rigidSpending) {
        return new DepartmentSignalReceived(signalId, household, Department.MEDICAL_INSURANCE, RiskType.ILLNESS,
                LocalDate.of(2026, 3, 12), null, rigidSpending, "inpatient treatment");
    }

    private static void sendToSignalsTopic(DepartmentSignalReceived signal, String correlationId) {
        TestProducer.publish("/departments/medical-insurance", correlationId, signal);
    }

    /** A valid, synthetic ID number of Weining county born in the given year. */
    private static String idNumber(String birthYear) {
        String serial = String.format("%03d", SERIALS.incrementAndGet());
        return IdNumbers.withCheckCharacter("520526" + birthYear + "0101" + serial);
    }
}
