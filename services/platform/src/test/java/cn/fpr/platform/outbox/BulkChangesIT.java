package cn.fpr.platform.outbox;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.OpeningKind;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.testapp.Ledger;
import cn.fpr.platform.testapp.PlatformTestApplication;
import cn.fpr.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changes of many aggregates at once on the real store: every one changed once, with its events,
 * while other writers change the same aggregates; and new aggregates saved together, those the
 * store refuses named.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BulkChangesIT extends ServiceIntegrationTest {

    @Autowired
    AggregateChanges changes;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    Events events;
    @Autowired
    OutboxRelay relay;

    @Test
    void a_change_of_every_selected_aggregate_reaches_each_once_with_its_event_and_loses_no_change_another_writer_made_meanwhile() {
        String run = "bulk-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> ids = Flux.range(0, 2500).map(i -> run + i).collectList().block();
        mongo.insertAll(ids.stream().map(Ledger::new).toList()).blockLast();

        // the same ledgers changed one at a time by another writer while the bulk change runs over them
        Mono<Long> others = Flux.fromIterable(ids).flatMap(id -> changes.changeIfPresent(Ledger.class, id,
                (ledger, correlationId) -> place(ledger, "single-" + id, correlationId)), 8).count().subscribeOn(Schedulers.parallel());
        Mono<Long> bulk = changes.changeEach(Ledger.class, Query.query(Criteria.where("_id").regex("^" + run)),
                (ledger, correlationId) -> place(ledger, "bulk-" + ledger.householdId(), correlationId)).count();
        var counts = Mono.zip(bulk, others).block();
        assertThat(counts.getT1()).as("aggregates the bulk change reached").isEqualTo(2500);
        assertThat(counts.getT2()).isEqualTo(2500);

        List<Ledger> stored = mongo.find(Query.query(Criteria.where("_id").regex("^" + run)), Ledger.class).collectList().block();
        assertThat(stored).hasSize(2500).allSatisfy(ledger -> assertThat(ledger.placementIds())
                .containsExactlyInAnyOrder("bulk-" + ledger.householdId(), "single-" + ledger.householdId()));
        while (relay.relayOnce() > 0) {
            // every event sent
        }
        assertThat(mongo.find(Query.query(Criteria.where("_id").regex("^" + run)), Ledger.class).collectList().block())
                .allSatisfy(ledger -> assertThat(ledger.outbox()).isEmpty());
    }

    @Test
    void changes_of_more_aggregates_than_one_request_carries_are_each_applied_once_in_order() {
        String run = "all-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> ids = Flux.range(0, 250).map(i -> run + i).collectList().block();
        mongo.insertAll(ids.stream().map(Ledger::new).toList()).blockLast();
        // two changes for each ledger, the second after the first: 500 changes, 250 aggregates, three requests' worth
        List<AggregateChanges.Change<Ledger, String>> batch = Flux.concat(Flux.fromIterable(ids).map(id -> "first-" + id),
                        Flux.fromIterable(ids).map(id -> "second-" + id))
                .map(placement -> new AggregateChanges.Change<Ledger, String>(placement.substring(placement.indexOf('-') + 1), "corr-all",
                        (ledger, correlationId) -> place(ledger, placement, correlationId).householdId()))
                .collectList().block();

        assertThat(changes.changeAll(Ledger.class, batch).block()).as("results, in order")
                .isEqualTo(Flux.concat(Flux.fromIterable(ids), Flux.fromIterable(ids)).collectList().block());

        assertThat(mongo.find(Query.query(Criteria.where("_id").regex("^" + run)), Ledger.class).collectList().block())
                .hasSize(250).allSatisfy(ledger -> assertThat(ledger.placementIds())
                        .containsExactly("first-" + ledger.householdId(), "second-" + ledger.householdId()));
    }

    @Test
    void a_batch_is_written_a_slice_of_aggregates_at_a_time_so_a_change_failing_in_the_third_leaves_the_first_two_written_and_nothing_of_it() {
        String run = "slices-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> ids = Flux.range(0, 250).map(i -> run + i).collectList().block();
        mongo.insertAll(ids.stream().map(Ledger::new).toList()).blockLast();
        String failing = ids.get(2 * AggregateChanges.SLICE + 10);
        List<AggregateChanges.Change<Ledger, String>> batch = ids.stream()
                .map(id -> new AggregateChanges.Change<Ledger, String>(id, "corr-slices", (ledger, correlationId) -> {
                    if (id.equals(failing)) {
                        throw new IllegalStateException("refused");
                    }
                    return place(ledger, "p-" + id, correlationId).householdId();
                })).toList();

        assertThatThrownBy(() -> changes.changeAll(Ledger.class, batch).block())
                .isInstanceOf(AggregateChanges.BatchNotWritten.class).hasMessageContaining("refused");

        List<Ledger> stored = mongo.find(Query.query(Criteria.where("_id").regex("^" + run)), Ledger.class).collectList().block();
        assertThat(stored.stream().filter(ledger -> !ledger.placementIds().isEmpty()).map(Ledger::householdId))
                .as("written: the first two slices")
                .containsExactlyInAnyOrderElementsOf(ids.subList(0, 2 * AggregateChanges.SLICE));
    }

    @Test
    void a_batch_some_of_whose_aggregates_another_writer_changed_meanwhile_is_written_whole_and_each_change_applied_once()
            throws InterruptedException {
        String run = "race-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> ids = Flux.range(0, 400).map(i -> run + i).collectList().block();
        mongo.insertAll(ids.stream().map(Ledger::new).toList()).blockLast();
        // each round raises an event on every ledger, and the relay, passing again and again, clears their
        // outboxes (a write of its own) while the next round reads and writes the same ledgers
        AtomicBoolean done = new AtomicBoolean();
        Thread relaying = new Thread(() -> {
            while (!done.get()) {
                relay.relayOnce();
            }
        });
        relaying.start();
        AtomicInteger applied = new AtomicInteger();
        int rounds = 0;
        while (applied.get() == rounds * ids.size() && rounds < 40) {
            String round = "r" + rounds++ + "-";
            List<AggregateChanges.Change<Ledger, String>> batch = ids.stream()
                    .map(id -> new AggregateChanges.Change<Ledger, String>(id, "corr-race", (ledger, correlationId) -> {
                        applied.incrementAndGet();
                        return place(ledger, round + id, correlationId).householdId();
                    })).toList();
            assertThat(changes.changeAll(Ledger.class, batch).block()).as("results, in order").isEqualTo(ids);
        }
        done.set(true);
        relaying.join();
        assertThat(applied.get()).as("changes applied again after a race was lost").isGreaterThan(rounds * ids.size());

        List<String> expected = IntStream.range(0, rounds).mapToObj(round -> "r" + round + "-").toList();
        assertThat(mongo.find(Query.query(Criteria.where("_id").regex("^" + run)), Ledger.class).collectList().block())
                .hasSize(400).allSatisfy(ledger -> assertThat(ledger.placementIds())
                        .containsExactlyElementsOf(expected.stream().map(round -> round + ledger.householdId()).toList()));
    }

    @Test
    void new_aggregates_are_saved_together_and_those_the_store_refuses_are_named_without_touching_what_is_there() {
        String run = "new-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Ledger existing = new Ledger(run + "existing");
        place(existing, "first", "corr-existing");
        mongo.insert(existing).block();

        List<Ledger> batch = List.of(new Ledger(run + "a"), new Ledger(run + "existing"), new Ledger(run + "b"), new Ledger(run + "a"));
        batch.forEach(ledger -> place(ledger, "opening-of-" + ledger.householdId(), "corr-new"));
        assertThat(changes.createAll(batch).block()).containsExactly(true, false, true, false);

        assertThat(mongo.findById(run + "existing", Ledger.class).block().placementIds()).containsExactly("first");
        assertThat(mongo.find(Query.query(Criteria.where("_id").regex("^" + run)), Ledger.class).map(Ledger::householdId).collectList().block())
                .containsExactlyInAnyOrder(run + "existing", run + "a", run + "b");
        while (relay.relayOnce() > 0) {
            // the new ones' events sent
        }
        assertThat(mongo.findById(run + "a", Ledger.class).block().outbox()).isEmpty();
    }

    private Ledger place(Ledger ledger, String placementId, String correlationId) {
        EventEnvelope<JobPlaced> placed = events.envelope(new JobPlaced(placementId, ledger.householdId(), "m-1", OpeningKind.ENTERPRISE,
                "520526", new BigDecimal("3200"), LocalDate.of(2026, 3, 1), false, null), correlationId);
        ledger.place(placed);
        return ledger;
    }
}
