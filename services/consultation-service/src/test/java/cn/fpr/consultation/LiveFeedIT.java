package cn.fpr.consultation;

import cn.fpr.consultation.feed.FeedEntry;
import cn.fpr.consultation.feed.LiveFeed;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.household.HouseholdRegistered;
import cn.fpr.contracts.household.Region;
import cn.fpr.testsupport.TestProducer;
import cn.fpr.testsupport.ServiceIntegrationTest;
import cn.fpr.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live feed as dashboards use it: filters, resuming after a reconnect, and a client that stops reading. */
@ConsultationServiceTest
class LiveFeedIT extends ServiceIntegrationTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @Value("${local.server.port}")
    int port;

    @Autowired
    LiveFeed feed;

    @Test
    void a_dashboard_subscribed_to_a_county_gets_that_countys_events_only_and_heartbeats_when_quiet() {
        List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        Disposable dashboard = subscribe("/api/v1/events/stream?region=520597", null, received);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(e -> "heartbeat".equals(e.comment())));
            EventEnvelope<?> other = registered("lf-other", "520596");
            EventEnvelope<?> first = registered("lf-a1", "520597");
            EventEnvelope<?> second = registered("lf-a2", "520597");

            await().atMost(Duration.ofSeconds(30)).until(() -> ids(received).contains(second.id()));
            assertThat(ids(received)).containsExactlyInAnyOrder(first.id(), second.id()).doesNotContain(other.id());
            ServerSentEvent<String> event = received.stream().filter(e -> first.id().equals(e.id())).findFirst().orElseThrow();
            assertThat(event.event()).isEqualTo("household-registered");
            assertThat(event.data()).contains("\"countyCode\":\"520597\"", "\"householdId\":\"lf-a1\"");
        } finally {
            dashboard.dispose();
        }
    }

    @Test
    void a_dashboard_that_reconnects_with_the_last_event_id_it_saw_misses_nothing() {
        List<ServerSentEvent<String>> before = new CopyOnWriteArrayList<>();
        Disposable dashboard = subscribe("/api/v1/events/stream?region=520595", null, before);
        EventEnvelope<?> seen = registered("lf-b1", "520595");
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(before).contains(seen.id()));
        dashboard.dispose();

        EventEnvelope<?> missed1 = registered("lf-b2", "520595");
        EventEnvelope<?> missed2 = registered("lf-b3", "520595");
        registered("lf-b-elsewhere", "520594");
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.stats().lastDelivered() > 0
                && http.get().uri("/api/v1/events/stream/stats").exchange().returnResult(String.class).getStatus().is2xxSuccessful());

        List<ServerSentEvent<String>> after = new CopyOnWriteArrayList<>();
        Disposable again = subscribe("/api/v1/events/stream?region=520595", seen.id(), after);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> ids(after).contains(missed2.id()));
            assertThat(ids(after)).containsExactlyInAnyOrder(missed1.id(), missed2.id());
        } finally {
            again.dispose();
        }
    }

    @Test
    void a_client_that_stops_reading_is_cut_off_when_its_buffer_fills_and_does_not_hold_up_the_others() {
        AtomicBoolean stalledEnded = new AtomicBoolean();
        feed.stream(Set.of("520593"), Set.of(), null).subscribe(new BaseSubscriber<FeedEntry>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                // reads nothing
            }

            @Override
            protected void hookFinally(reactor.core.publisher.SignalType type) {
                stalledEnded.set(true);
            }
        });
        double disconnectedBefore = feed.stats().slowClientsDisconnected();
        List<ServerSentEvent<String>> reader = new CopyOnWriteArrayList<>();
        Disposable dashboard = subscribe("/api/v1/events/stream?region=520593", null, reader);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> reader.stream().anyMatch(e -> "heartbeat".equals(e.comment())));
            List<String> sent = IntStream.range(0, 100).mapToObj(i -> registered("lf-c" + i, "520593").id()).toList();

            await().atMost(Duration.ofSeconds(60)).until(() -> ids(reader).size() == sent.size());
            assertThat(ids(reader)).as("every event, each once (in order per household, not across them)").containsExactlyInAnyOrderElementsOf(sent);
            assertThat(stalledEnded).isTrue();
            assertThat(feed.stats().slowClientsDisconnected()).isEqualTo(disconnectedBefore + 1);
        } finally {
            dashboard.dispose();
        }
    }

    private Disposable subscribe(String path, String lastEventId, List<ServerSentEvent<String>> into) {
        return WebClient.create("http://localhost:" + port).get().uri(path)
                .headers(headers -> {
                    headers.setBearerAuth(TestTokens.everything());
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .retrieve().bodyToFlux(SSE).subscribe(into::add);
    }

    private static List<String> ids(List<ServerSentEvent<String>> events) {
        return events.stream().filter(e -> e.id() != null).map(ServerSentEvent::id).toList();
    }

    private static EventEnvelope<HouseholdRegistered> registered(String household, String county) {
        return TestProducer.publish("/fpr/monitoring-service", "corr-" + household, new HouseholdRegistered(household,
                new Region(county.substring(0, 2) + "0000", county, county + "100", county + "100201"), true, List.of(),
                LocalDate.of(2021, 1, 5)));
    }
}
