package cn.fpr.platform;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.Topics;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.messaging.KafkaClients;
import cn.fpr.platform.outbox.OutboxMessage;
import cn.fpr.platform.outbox.OutboxPublisher;
import cn.fpr.platform.outbox.OutboxRelay;
import cn.fpr.platform.outbox.OutboxStore;
import cn.fpr.platform.outbox.OutboxStores;
import cn.fpr.platform.testapp.LabourBinding;
import cn.fpr.platform.testapp.Ledger;
import cn.fpr.platform.testapp.PlatformTestApplication;
import cn.fpr.platform.testapp.Tally;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestInfrastructure;
import cn.fpr.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The platform's reliability mechanism on the real broker and store: outbox, at-least-once relay,
 * idempotent consumer, dead letters, problem details and correlation IDs.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReliabilityMechanismIT extends ServiceIntegrationTest {

    private static final String LABOUR = Topics.LABOUR.name();
    private static final String GROUP = "platform-test";
    private static final String DEAD_LETTERS = Topics.deadLetter(LABOUR, GROUP);


    @Autowired
    OutboxRelay relay;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    Events events;
    @Autowired
    OutboxProperties properties;



    @Test
    void a_state_change_and_its_event_are_saved_together_then_relayed_with_the_callers_correlation_id() {
        String household = household();
        placeOverHttp(household, "pl-1", "corr-outbox-1");

        Ledger saved = mongo.findById(household, Ledger.class).block();
        assertThat(saved.outbox()).hasSize(1);

        assertThat(relay.relayOnce()).isEqualTo(1);

        assertThat(mongo.findById(household, Ledger.class).block().outbox()).isEmpty();
        ConsumerRecord<String, byte[]> record = onlyRecordFor(household);
        assertThat(record.key()).isEqualTo(household);
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo("job-placed");
        assertThat(TopicReader.header(record, CloudEventHeaders.CORRELATION_ID)).isEqualTo("corr-outbox-1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(placementsAppliedTo(household)).containsExactly("pl-1"));
    }

    @Test
    void an_event_published_before_a_crash_is_sent_again_after_restart_and_applied_once() {
        String household = household();
        placeOverHttp(household, "pl-crash", "corr-crash");
        OutboxStore store = OutboxStores.store(mongo, () -> List.of("ledgers"));
        OutboxRelay crashingRelay = new OutboxRelay(crashBeforeRemoving(store), publisher(), Duration.ofMillis(100), Duration.ofSeconds(5), 100, false);

        assertThatThrownBy(crashingRelay::relayOnce).hasMessageContaining("crashed");
        assertThat(mongo.findById(household, Ledger.class).block().outbox()).as("still pending after the crash").hasSize(1);

        relay.relayOnce();
        placeOverHttp(household, "pl-after", "corr-after");
        relay.relayOnce();

        List<ConsumerRecord<String, byte[]>> sent = TopicReader.awaitRecords(LABOUR, 3, r -> household.equals(r.key()));
        assertThat(sent).extracting(r -> TopicReader.header(r, CloudEventHeaders.CORRELATION_ID))
                .containsExactly("corr-crash", "corr-crash", "corr-after");
        // the later event is on the same partition, so once it is applied the duplicate was seen before it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(placementsAppliedTo(household)).containsExactly("pl-crash", "pl-after"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void a_poison_record_goes_to_the_dead_letter_topic_with_its_reason_and_the_next_record_is_still_applied(CapturedOutput log) {
        String household = household();
        EventEnvelope<JobPlaced> good = events.envelope(placement(household, "pl-good"), "corr-poison");
        OutboxMessage valid = OutboxMessage.of(good);
        OutboxMessage notJson = new OutboxMessage(UUID.randomUUID().toString(), LABOUR, household,
                withId(valid.headers(), UUID.randomUUID().toString()), "{\"placementId\": ");
        OutboxMessage unknownType = new OutboxMessage(UUID.randomUUID().toString(), LABOUR, household,
                withType(withId(valid.headers(), UUID.randomUUID().toString()), "job-vanished"), valid.payload());

        publisher().publish(List.of(notJson, unknownType, valid));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(placementsAppliedTo(household)).containsExactly("pl-good"));
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.awaitRecords(DEAD_LETTERS, 2, r -> household.equals(r.key()));
        assertThat(dead).extracting(r -> TopicReader.header(r, "x-exception-message"))
                .anySatisfy(reason -> assertThat(reason).contains("payload of job-placed is not JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("unknown event type 'job-vanished'"));
        assertThat(dead).allSatisfy(r -> {
            assertThat(TopicReader.header(r, "x-original-topic")).isEqualTo(LABOUR);
            assertThat(r.headers().lastHeader("x-original-offset")).isNotNull();
            assertThat(r.headers().lastHeader("x-original-partition")).isNotNull();
        });
        // the operator's log: a line for each dead letter, with where it came from and why, not the poll's stack traces
        String deadLettered = "dead-lettered " + LABOUR + "-";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.getAll().lines()
                .filter(line -> line.contains(deadLettered) && line.contains(DEAD_LETTERS)))
                .anySatisfy(line -> assertThat(line).contains("payload of job-placed is not JSON"))
                .anySatisfy(line -> assertThat(line).contains("unknown event type 'job-vanished'")));
        assertThat(log.getAll()).doesNotContain("Error handler threw an exception").doesNotContain("failedMessage=");
    }

    @Test
    void an_operator_lists_inspects_and_replays_a_dead_letter_once_its_cause_is_fixed_and_a_second_replay_changes_nothing() {
        String household = household();
        LabourBinding.HELD.set(true);
        EventEnvelope<JobPlaced> held = events.envelope(placement(household, "pl-held-1"), "corr-held");
        publisher().publish(List.of(OutboxMessage.of(held)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> http.get().uri("/api/v1/admin/dead-letters").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.topic == '" + DEAD_LETTERS + "')].originalTopic").isEqualTo(List.of(LABOUR)));
        // it is dead-lettered after its retries
        Map<String, Object> letter = await().atMost(Duration.ofSeconds(60)).until(() -> http.get()
                .uri("/api/v1/admin/dead-letters/{topic}?limit=500", DEAD_LETTERS).exchange()
                .expectStatus().isOk().expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody().stream().filter(l -> held.id().equals(l.get("eventId"))).findFirst(), Optional::isPresent)
                .orElseThrow();
        assertThat(letter.get("reason").toString()).contains("pl-held-1 held until its opening is registered")
                .doesNotStartWith("error occurred in message handler");
        assertThat(letter).containsEntry("originalTopic", LABOUR).containsEntry("eventType", "job-placed").containsEntry("key", household);
        assertThat(letter.get("originalOffset")).isNotNull();
        assertThat(letter.get("payload").toString()).contains("\"placementId\":\"pl-held-1\"");
        assertThat(placementsAppliedTo(household)).isEmpty();

        String replay = "/api/v1/admin/dead-letters/" + DEAD_LETTERS + "/" + letter.get("partition") + "/" + letter.get("offset") + "/replay";
        http.post().uri(replay).exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("held until its opening is registered"));
        assertThat(placementsAppliedTo(household)).isEmpty();

        LabourBinding.HELD.set(false);   // the fix
        http.post().uri(replay).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.first").isEqualTo(true).jsonPath("$.replay.group").isEqualTo(GROUP)
                .jsonPath("$.replay.binding").isEqualTo("labour-in-0");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(placementsAppliedTo(household)).containsExactly("pl-held-1"));

        http.post().uri(replay).exchange().expectStatus().isOk().expectBody().jsonPath("$.first").isEqualTo(false);
        // on the audit trail once: the operator who replayed it, and what was replayed
        http.get().uri("/api/v1/audit?action=dead-letter-replay").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].actor").isEqualTo("test-everything")
                .jsonPath("$[0].subject").isEqualTo(DEAD_LETTERS + "/" + letter.get("partition") + "/" + letter.get("offset"))
                .jsonPath("$[0].detail").isEqualTo("applied again by consumer group " + GROUP);
        http.get().uri("/api/v1/admin/dead-letters/{topic}?from={offset}&limit=1", DEAD_LETTERS, letter.get("offset")).exchange()
                .expectBody().jsonPath("$[0].replayed.group").isEqualTo(GROUP);
        http.post().uri("/api/v1/admin/dead-letters/error.elsewhere.other-group/0/0/replay").exchange().expectStatus().isNotFound();
        assertThat(placementsAppliedTo(household)).containsExactly("pl-held-1");
        // the replay wrote nothing to Kafka: on the topic only the original (a marker after it, on the same partition, closes the count)
        EventEnvelope<JobPlaced> marker = events.envelope(placement(household, "pl-marker"), "corr-marker");
        publisher().publish(List.of(OutboxMessage.of(marker)));
        List<ConsumerRecord<String, byte[]>> onTopic = TopicReader.awaitRecords(LABOUR, 1, r -> household.equals(r.key())
                && marker.id().equals(TopicReader.header(r, CloudEventHeaders.ID)));
        assertThat(onTopic).isNotEmpty();
        assertThat(TopicReader.awaitRecords(LABOUR, 2, r -> household.equals(r.key()))).extracting(r -> TopicReader.header(r, CloudEventHeaders.ID))
                .containsExactly(held.id(), marker.id());
    }

    @Test
    void bad_input_over_http_is_a_problem_naming_the_field_and_changes_nothing() {
        String household = household();

        http.post().uri("/households/{id}/placements", household).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("placementId", "pl-x", "memberId", "m-1", "startDate", "2026-03-01"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo("monthlyWageYuan")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("monthlyWageYuan"));

        http.post().uri("/households/{id}/placements", household).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"placementId\":\"pl-x\",\"memberId\":\"m-1\",\"monthlyWageYuan\":3000,\"startDate\":\"next week\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("startDate");

        assertThat(mongo.findById(household, Ledger.class).block()).isNull();
    }

    @Test
    void readiness_reports_the_store_and_the_binder_up() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private void placeOverHttp(String household, String placementId, String correlationId) {
        http.post().uri("/households/{id}/placements", household)
                .header("X-Correlation-ID", correlationId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("placementId", placementId, "memberId", "m-1", "monthlyWageYuan", 3200, "startDate", "2026-03-01"))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("X-Correlation-ID", correlationId);
    }

    private List<String> placementsAppliedTo(String household) {
        Tally tally = mongo.findById(household, Tally.class).block();
        return tally == null ? List.of() : tally.placementIds();
    }

    private ConsumerRecord<String, byte[]> onlyRecordFor(String household) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.awaitRecords(LABOUR, 1, r -> household.equals(r.key()));
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private OutboxPublisher publisher() {
        return OutboxStores.publisher(new KafkaClients(TestInfrastructure.shared().kafkaBootstrapServers(), Map.of()), properties);
    }

    private static OutboxStore crashBeforeRemoving(OutboxStore store) {
        AtomicBoolean crashed = new AtomicBoolean();
        return new OutboxStore() {
            @Override
            public List<PendingEvents> findPending(int limit) {
                return store.findPending(limit);
            }

            @Override
            public Optional<PendingEvents> findPending(String collection, Object documentId) {
                return store.findPending(collection, documentId);
            }

            @Override
            public void remove(PendingEvents published) {
                crashed.set(true);
                throw new IllegalStateException("relay crashed after the broker acknowledged");
            }
        };
    }

    private static JobPlaced placement(String household, String placementId) {
        return new JobPlaced(placementId, household, "m-1", OpeningKind.ENTERPRISE, "520526",
                new BigDecimal("3200"), LocalDate.of(2026, 3, 1), false, null);
    }

    private static Map<String, String> withId(Map<String, String> headers, String id) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
        copy.put(CloudEventHeaders.ID, id);
        return copy;
    }

    private static Map<String, String> withType(Map<String, String> headers, String type) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
        copy.put(CloudEventHeaders.TYPE, type);
        return copy;
    }

    private static String household() {
        return "hh-" + UUID.randomUUID();
    }
}
