package cn.fpr.monitoring;

import cn.fpr.contracts.CaseStep;
import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.Topics;
import cn.fpr.platform.identity.IdNumbers;
import cn.fpr.testsupport.FixedClock;
import cn.fpr.testsupport.MutableClock;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestTokens;
import cn.fpr.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Monitoring on the real broker and store, driven as its users drive it: over HTTP and through
 * the topics, with a clock the test moves. Every test class shares one application context.
 */
@SpringBootTest(classes = MonitoringApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=monitoring", "fpr.monitoring.overdue-scan-interval=PT1H"})
@Import(MutableClock.Configuration.class)
abstract class MonitoringServiceTest extends ServiceIntegrationTest {

    static final LocalDate DAY_ONE = LocalDate.ofInstant(FixedClock.NOW, FixedClock.ZONE);
    private static final AtomicInteger SERIALS = new AtomicInteger();

    @Autowired
    MutableClock clock;

    @BeforeEach
    void startOnDayOne() {
        clock.setDay(DAY_ONE);
    }

    /** A valid, synthetic ID number of Weining county (520526) born in the given year. */
    static String idNumber(int birthYear) {
        return IdNumbers.withCheckCharacter("520526" + birthYear + "0101" + String.format("%03d", SERIALS.incrementAndGet() % 1000));
    }

    static Map<String, Object> member(String idNumber, String relation, String capacity, String schoolStage) {
        Map<String, Object> member = new HashMap<>(Map.of("idNumber", idNumber, "relation", relation, "labourCapacity", capacity,
                "skills", List.of("farming"), "medicallyInsured", true, "pensionInsured", true));
        member.put("schoolStage", schoolStage);
        return member;
    }

    /** Weining county, Guizhou. */
    static final Map<String, String> WEINING = Map.of("provinceCode", "520000", "countyCode", "520526",
            "townshipCode", "520526100", "villageCode", "520526100201");
    /** Yongdeng county, Gansu. */
    static final Map<String, String> YONGDENG = Map.of("provinceCode", "620000", "countyCode", "620121",
            "townshipCode", "620121100", "villageCode", "620121100201");

    static Map<String, Object> registration(int annualNetIncome, List<Map<String, Object>> members) {
        return registration(WEINING, annualNetIncome, members);
    }

    static Map<String, Object> registration(Map<String, String> region, int annualNetIncome, List<Map<String, Object>> members) {
        Map<String, Object> body = new HashMap<>();
        body.put("region", region);
        body.put("liftedFromPoverty", true);
        body.put("annualNetIncomeYuan", annualNetIncome);
        body.put("responsibleCadre", "cadre-wang");
        body.put("members", members);
        return body;
    }

    /** A family of three: a worker, his wife on half labour, a schoolchild. */
    String registerFamily(int annualNetIncome) {
        return registerFamily(WEINING, annualNetIncome);
    }

    String registerFamily(Map<String, String> region, int annualNetIncome) {
        List<Map<String, Object>> members = new ArrayList<>(List.of(
                member(idNumber(1979), "HEAD", "FULL", "NOT_IN_SCHOOL_AGE"),
                member(idNumber(1982), "SPOUSE", "WEAK_OR_HALF", "NOT_IN_SCHOOL_AGE"),
                member(idNumber(2015), "CHILD", "NONE", "COMPULSORY")));
        return register(registration(region, annualNetIncome, members));
    }

    String register(Map<String, Object> body) {
        String json = new String(http.post().uri("/api/v1/households").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        return json.replaceAll("(?s)^\\{\"householdId\":\"([^\"]+)\".*", "$1");
    }

    WebTestClient.BodyContentSpec post(String uri, Object body, int status) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status).expectBody();
    }

    /** A department's warning over HTTP, sent by that department's own system (its token names the department). */
    WebTestClient.BodyContentSpec signal(Map<String, Object> body, int status) {
        String department = body.get("department").toString();
        return departmentSystem(department).post().uri("/api/v1/signals").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status).expectBody();
    }

    WebTestClient departmentSystem(String department) {
        return tokenless.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(department.toLowerCase() + "-system",
                List.of("DEPARTMENT"), "000000", Map.of("department", department))).build();
    }

    WebTestClient.BodyContentSpec get(String uri, Object... variables) {
        return http.get().uri(uri, variables).exchange().expectStatus().isOk().expectBody();
    }

    /** Takes a step of a case as the step's role would, approving it. */
    void approve(String caseId, CaseStep step, LocalDate noticePostedOn) {
        Map<String, Object> body = new HashMap<>(Map.of("step", step, "decision", "APPROVE", "reason", "checked: " + step,
                "authorisationSigned", true));
        if (noticePostedOn != null) {
            body.put("noticePostedOn", noticePostedOn.toString());
        }
        post("/api/v1/cases/" + caseId + "/steps", body, 200);
    }

    String openCaseOf(String householdId) {
        String json = new String(get("/api/v1/households/{id}", householdId).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        return json.replaceAll("(?s).*\"openCaseId\":\"([^\"]+)\".*", "$1");
    }

    /** The events of a type monitoring published about a household, once at least {@code count} are there. */
    static List<ConsumerRecord<String, byte[]>> published(String householdId, String type, int count) {
        return TopicReader.awaitRecords(Topics.HOUSEHOLD.name(), count,
                r -> householdId.equals(r.key()) && type.equals(TopicReader.header(r, CloudEventHeaders.TYPE)));
    }

    @SuppressWarnings("unchecked")
    static <E extends DomainEvent> E payload(ConsumerRecord<String, byte[]> record) {
        return (E) EventCodec.decode(TopicReader.header(record, CloudEventHeaders.TYPE), record.value());
    }
}
