package cn.fpr.employment;

import cn.fpr.contracts.AssistanceNeed;
import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.LabourCapacity;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.Topics;
import cn.fpr.contracts.household.HouseholdFlagged;
import cn.fpr.contracts.household.LabourMember;
import cn.fpr.contracts.household.Region;
import cn.fpr.testsupport.FixedClock;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestProducer;
import cn.fpr.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Employment on the real broker and store, on a fixed day; every test class shares one context. */
@SpringBootTest(classes = EmploymentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=employment")
@Import(FixedClock.class)
abstract class EmploymentServiceTest extends ServiceIntegrationTest {

    static final String MONITORING = "/fpr/monitoring-service";
    static final Region WEINING_VILLAGE = new Region("520000", "520526", "520526100", "520526100201");

    /** A flagged household with workers of the given skills; returns its ID once its seekers are registered. */
    String flaggedHousehold(List<String> skills, int workers) {
        String household = "hh-520526-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<LabourMember> members = new java.util.ArrayList<>();
        for (int i = 1; i <= workers; i++) {
            members.add(new LabourMember("m-" + i, 1980 + i, LabourCapacity.FULL, skills));
        }
        TestProducer.publish(MONITORING, "corr-" + household, new HouseholdFlagged(household, WEINING_VILLAGE,
                HouseholdCategory.UNSTABLE_LIFTED, List.of(RiskType.UNSTABLE_EMPLOYMENT), new BigDecimal("4000"),
                new BigDecimal("7300"), true, members, List.of(AssistanceNeed.JOB_PLACEMENT), "case-" + household,
                LocalDate.of(2026, 3, 10)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/v1/job-seekers?householdId={id}", household)
                .exchange().expectBody().jsonPath("$.length()").isEqualTo(workers));
        return household;
    }

    WebTestClient.BodyContentSpec post(String uri, Object body, int status) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status).expectBody();
    }

    String postForId(String uri, Object body, String idField) {
        String json = new String(post(uri, body, 201).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        return json.replaceAll("(?s).*\"" + idField + "\":\"([^\"]+)\".*", "$1");
    }

    static List<ConsumerRecord<String, byte[]>> published(String householdId, String type, int count) {
        return TopicReader.awaitRecords(Topics.LABOUR.name(), count,
                r -> householdId.equals(r.key()) && type.equals(TopicReader.header(r, CloudEventHeaders.TYPE)));
    }

    @SuppressWarnings("unchecked")
    static <E extends DomainEvent> E payload(ConsumerRecord<String, byte[]> record) {
        return (E) EventCodec.decode(TopicReader.header(record, CloudEventHeaders.TYPE), record.value());
    }
}
