package cn.fpr.system;

import cn.fpr.contracts.CaseStep;
import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.Department;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.Topic;
import cn.fpr.contracts.Topics;
import cn.fpr.contracts.household.CaseOpened;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.platform.identity.IdNumbers;
import cn.fpr.testsupport.MutableClock;
import cn.fpr.testsupport.RealInfrastructure;
import cn.fpr.testsupport.TestInfrastructure;
import cn.fpr.testsupport.TestProducer;
import cn.fpr.testsupport.TopicReader;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * All five services end to end, each with its own database, on one real broker and store. A
 * department's warning opens a case in monitoring; after identification the household is
 * flagged; employment registers its worker and places him; industry lends to the household;
 * monitoring records both; consultation shows the household. Guangdong's funds and labour offer
 * for Guizhou reach industry and employment.
 */
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class SkeletonFlowIT {

    private static SystemUnderTest system;
    private static MutableClock monitoringClock;
    private static WebTestClient monitoring;
    private static WebTestClient employment;
    private static WebTestClient industry;
    private static WebTestClient cooperation;
    private static WebTestClient consultation;

    @BeforeAll
    static void startServices() {
        system = SystemUnderTest.start("_system");
        monitoringClock = system.clock;
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
    void a_department_warning_flags_a_household_whose_worker_is_placed_and_lent_to_and_monitoring_and_the_dashboard_see_it() {
        String worker = IdNumbers.withCheckCharacter("52052619850302141");
        String child = IdNumbers.withCheckCharacter("52052620140911142");
        String household = register(worker, child);

        TestProducer.publish("/departments/medical-insurance", "corr-skeleton-1", new DepartmentSignalReceived(
                "MI-2026-0316-001", household, Department.MEDICAL_INSURANCE, RiskType.ILLNESS, LocalDate.of(2026, 3, 12),
                new BigDecimal("16000"), new BigDecimal("30000"), "inpatient treatment, large out-of-pocket costs"));

        String caseId = caseOpenedFor(household);
        LocalDate opened = monitoringClock.today();
        system.approve(caseId, CaseStep.HOUSEHOLD_VISIT, null);
        system.approve(caseId, CaseStep.DATA_CROSS_CHECK, null);
        monitoringClock.setDay(opened.plusDays(5));
        system.approve(caseId, CaseStep.VILLAGE_REVIEW, opened);
        system.approve(caseId, CaseStep.TOWNSHIP_REVIEW, null);
        system.approve(caseId, CaseStep.COUNTY_APPROVAL, null);

        ConsumerRecord<String, byte[]> flagged = TopicReader.awaitRecords(Topics.HOUSEHOLD.name(), 1,
                r -> household.equals(r.key()) && "household-flagged".equals(TopicReader.header(r, CloudEventHeaders.TYPE))).get(0);
        assertThat(TopicReader.header(flagged, CloudEventHeaders.TYPE)).isEqualTo("household-flagged");
        assertThat(TopicReader.header(flagged, CloudEventHeaders.CORRELATION_ID)).isEqualTo("corr-skeleton-1");
        assertThat(new String(flagged.value(), StandardCharsets.UTF_8)).doesNotContain(worker).doesNotContain(child);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                employment.get().uri("/api/v1/job-seekers?householdId={id}", household).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.length()").isEqualTo(1)
                        .jsonPath("$[0].memberId").isEqualTo("m-1")
                        .jsonPath("$[0].priority").isEqualTo("MONITORED_HOUSEHOLD"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                consultation.get().uri("/api/v1/households/{id}", household).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.status").isEqualTo("MONITORED")
                        .jsonPath("$.category").isEqualTo("UNSTABLE_LIFTED")
                        .jsonPath("$.flaggedOn").isEqualTo("2026-03-21"));
        consultation.get().uri("/api/v1/kpis?region=520526&period=2026-03").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.households.monitored").isEqualTo(1);

        // employment places the worker in a local workshop; monitoring records the job on the household
        String opening = new String(employment.post().uri("/api/v1/openings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "ASSISTANCE_WORKSHOP", "employer", "Weining bamboo weaving", "workCountyCode", "520526",
                        "capacity", 20, "monthlyWageYuan", 2600, "workshopType", "HOME_BASED", "accidentInsurance", true))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8)
                .replaceAll("(?s).*\"openingId\":\"([^\"]+)\".*", "$1");
        employment.post().uri("/api/v1/openings/{id}/placements", opening).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("seekerId", household + ":m-1", "startDate", "2026-04-01"))
                .exchange().expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                monitoring.get().uri("/api/v1/households/{id}", household).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.employments[0].memberId").isEqualTo("m-1")
                        .jsonPath("$.employments[0].monthlyWageYuan").isEqualTo(2600)
                        .jsonPath("$.measures[0].kind").isEqualTo("JOB_PLACEMENT"));

        // industry lends the household 20,000 yuan for cattle; monitoring records the loan
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                industry.get().uri("/api/v1/households/{id}", household).exchange().expectStatus().isOk());
        String loan = new String(industry.post().uri("/api/v1/loans").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("householdId", household, "borrowerMemberId", "m-1", "amountYuan", 20000, "termMonths", 24,
                        "purpose", "BREEDING"))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8)
                .replaceAll("(?s).*\"loanId\":\"([^\"]+)\".*", "$1");
        industry.post().uri("/api/v1/loans/{id}/decision", loan).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("approve", true, "reason", "cattle plan checked"))
                .exchange().expectStatus().isOk();
        industry.post().uri("/api/v1/loans/{id}/disbursement", loan).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                monitoring.get().uri("/api/v1/households/{id}", household).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.measures[?(@.kind == 'MICROCREDIT')].reference").isEqualTo(List.of(loan)));
    }

    @Test
    void guangdongs_own_system_sends_funds_and_a_labour_offer_that_industry_and_employment_take_up_and_zhejiang_sees_none_of_it() {
        cooperation.post().uri("/api/v1/pairings/pair-44-52/agreements").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("year", 2026, "targets", Map.of("FISCAL_AID_YUAN", 20000000, "LABOUR_TRANSFERRED", 500)))
                .exchange().expectStatus().isCreated();
        WebTestClient guangdong = system.partner("gd-coop-platform", "440000");
        WebTestClient zhejiang = system.partner("zj-coop-platform", "330000");

        guangdong.post().uri("/partner/v1/submissions").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of(
                        "messageId", "gd-2026-03-0001", "items", List.of(
                                Map.of("type", "fund-transfer", "pairingId", "pair-44-52", "year", 2026, "reference", "gd-gz-2026-01",
                                        "receivingCountyCode", "520526", "amountYuan", 12000000, "purpose", "potato cold-chain storage",
                                        "on", "2026-03-10"),
                                Map.of("type", "labour-offer", "pairingId", "pair-44-52", "year", 2026, "offerId", "sz-elec-2026",
                                        "employer", "Shenzhen electronics plant", "workRegionCode", "440306", "positions", 40,
                                        "monthlyWageYuan", 5200, "validUntil", "2026-09-30"))))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].status").isEqualTo(List.of(201, 201));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                industry.get().uri("/api/v1/fund-pools/520526/2026").exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.availableYuan").isEqualTo(12000000));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                employment.get().uri("/api/v1/openings/offer-sz-elec-2026").exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.capacity").isEqualTo(40));
        zhejiang.get().uri("/partner/v1/pairings/pair-44-52/agreements/2026").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.facts").doesNotExist();
    }

    @Test
    void id_numbers_names_and_phone_numbers_never_appear_in_clear_in_events_logs_stores_or_error_answers(CapturedOutput output) {
        String worker = IdNumbers.withCheckCharacter("52052619770707123");
        String child = IdNumbers.withCheckCharacter("52052620150505124");
        String wrongCheck = "52052619880808125" + (IdNumbers.withCheckCharacter("52052619880808125").endsWith("0") ? "1" : "0");
        List<String> answers = new ArrayList<>();

        String household = register(worker, child);
        answers.add(refused(monitoring, "/api/v1/households", registration(worker, child)));
        answers.add(refused(monitoring, "/api/v1/households", registration(wrongCheck, child)));
        Map<String, Object> seeker = Map.of("idNumber", worker, "householdId", household, "memberId", "m-1",
                "region", Map.of("provinceCode", "520000", "countyCode", "520526", "townshipCode", "520526100", "villageCode", "520526100201"),
                "labourCapacity", "FULL", "willingness", "LOCAL", "liftedFromPoverty", true);
        employment.post().uri("/api/v1/job-seekers").contentType(MediaType.APPLICATION_JSON).bodyValue(seeker).exchange()
                .expectStatus().isCreated();
        answers.add(refused(employment, "/api/v1/job-seekers", seeker));
        answers.add(refused(employment, "/api/v1/job-seekers", new HashMap<>(Map.of("idNumber", wrongCheck, "region", seeker.get("region"),
                "labourCapacity", "FULL", "willingness", "LOCAL"))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                consultation.get().uri("/api/v1/households/{id}", household).exchange().expectStatus().isOk());

        monitoring.get().uri("/api/v1/households/{id}", household).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.members[0].name").isEqualTo(WORKER_NAME).jsonPath("$.phone").isEqualTo(PHONE);
        List<String> clear = List.of(worker, child, wrongCheck, worker.substring(0, 17), child.substring(0, 17), wrongCheck.substring(0, 17),
                WORKER_NAME, CHILD_NAME, PHONE);
        List<String> events = new ArrayList<>();
        for (String topic : Topics.ALL.stream().map(Topic::name).toList()) {
            TopicReader.all(topic).forEach(record -> {
                events.add(record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
                record.headers().forEach(header -> events.add(new String(header.value(), StandardCharsets.UTF_8)));
            });
        }
        List<String> stored = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.shared().mongoUri("admin"))) {
            for (String service : SystemUnderTest.SERVICES.keySet()) {
                MongoDatabase database = mongo.getDatabase(service + "_system");
                database.listCollectionNames().forEach(collection ->
                        database.getCollection(collection).find().forEach(document -> stored.add(document.toJson())));
            }
        }
        assertThat(events).as("event payloads and headers").isNotEmpty();
        assertThat(stored).as("stored documents").anyMatch(document -> document.contains(household));
        for (String value : clear) {
            assertThat(String.join("\n", events)).as("events").doesNotContain(value);
            assertThat(String.join("\n", stored)).as("stores").doesNotContain(value);
            assertThat(String.join("\n", answers)).as("error answers").doesNotContain(value);
            assertThat(output.getAll()).as("logs").doesNotContain(value);
        }
    }

    /** Posts what the service must refuse (4xx), and returns its answer. */
    private static String refused(WebTestClient service, String uri, Object body) {
        byte[] answer = service.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().is4xxClientError().expectBody().returnResult().getResponseBody();
        return answer == null ? "" : new String(answer, StandardCharsets.UTF_8);
    }

    @Test
    void every_service_reports_ready() {
        Stream.of(monitoring, employment, industry, cooperation, consultation).forEach(service ->
                service.get().uri("/actuator/health/readiness").exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo("UP"));
    }

    private static String caseOpenedFor(String household) {
        ConsumerRecord<String, byte[]> opened = TopicReader.awaitRecords(Topics.HOUSEHOLD.name(), 1,
                r -> household.equals(r.key()) && "case-opened".equals(TopicReader.header(r, CloudEventHeaders.TYPE))).get(0);
        return ((CaseOpened) EventCodec.decode("case-opened", opened.value())).caseId();
    }

    private static String register(String... idNumbers) {
        String json = new String(monitoring.post().uri("/api/v1/households").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(registration(idNumbers)).exchange()
                .expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        return json.replaceAll("(?s).*\"householdId\":\"([^\"]+)\".*", "$1");
    }

    private static final String WORKER_NAME = "张建国";
    private static final String CHILD_NAME = "张小红";
    private static final String PHONE = "13908570707";

    /** A registration of a worker and a child at school in Weining, with their names and the household's phone number. */
    private static Map<String, Object> registration(String... idNumbers) {
        Map<String, Object> body = new HashMap<>();
        body.put("region", Map.of("provinceCode", "520000", "countyCode", "520526", "townshipCode", "520526100",
                "villageCode", "520526100201"));
        body.put("liftedFromPoverty", true);
        body.put("annualNetIncomeYuan", 16000);
        body.put("phone", PHONE);
        body.put("members", List.of(
                Map.of("idNumber", idNumbers[0], "name", WORKER_NAME, "relation", "HEAD", "labourCapacity", "FULL",
                        "skills", List.of("masonry"), "medicallyInsured", true, "pensionInsured", true),
                Map.of("idNumber", idNumbers[1], "name", CHILD_NAME, "relation", "CHILD", "labourCapacity", "NONE",
                        "schoolStage", "COMPULSORY", "medicallyInsured", true, "pensionInsured", false)));
        return body;
    }
}
