package cn.fpr.consultation.projection;

import cn.fpr.consultation.feed.FeedStore;
import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.county.CountyEvent;
import cn.fpr.contracts.household.HouseholdEvent;
import cn.fpr.contracts.labour.LabourEvent;
import cn.fpr.contracts.pairing.PairingEvent;
import cn.fpr.contracts.project.ProjectEvent;
import cn.fpr.contracts.signals.SignalEvent;
import cn.fpr.contracts.support.HouseholdSupportEvent;
import cn.fpr.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Every topic into the read models and the live feed, one binding per topic. */
@Configuration
class ProjectionBindings {

    /** The bindings, by name, as a rebuild stops and starts them. */
    static final List<String> BINDINGS = List.of("signalEvents-in-0", "householdEvents-in-0", "labourEvents-in-0",
            "supportEvents-in-0", "projectEvents-in-0", "countyEvents-in-0", "pairingEvents-in-0");

    @Bean
    Consumer<Message<List<byte[]>>> signalEvents(Applier applier) {
        return batch -> applier.apply(batch, SignalEvent.class);
    }

    @Bean
    Consumer<Message<List<byte[]>>> householdEvents(Applier applier) {
        return batch -> applier.apply(batch, HouseholdEvent.class);
    }

    @Bean
    Consumer<Message<List<byte[]>>> labourEvents(Applier applier) {
        return batch -> applier.apply(batch, LabourEvent.class);
    }

    @Bean
    Consumer<Message<List<byte[]>>> supportEvents(Applier applier) {
        return batch -> applier.apply(batch, HouseholdSupportEvent.class);
    }

    @Bean
    Consumer<Message<List<byte[]>>> projectEvents(Applier applier) {
        return batch -> applier.apply(batch, ProjectEvent.class);
    }

    @Bean
    Consumer<Message<List<byte[]>>> countyEvents(Applier applier) {
        return batch -> applier.apply(batch, CountyEvent.class);
    }

    @Bean
    Consumer<Message<List<byte[]>>> pairingEvents(Applier applier) {
        return batch -> applier.apply(batch, PairingEvent.class);
    }

    @Bean
    Applier applier(InboundEvents inbound, Projections projections, FeedStore feed, Rebuild rebuild) {
        return new Applier(inbound, projections, feed, rebuild);
    }

    /**
     * Applies the events of a poll to the read models, one after the other, then appends them to
     * the feed together, each with the region it concerns (not the history a rebuild replays: that
     * is not news for dashboards). See {@link InboundEvents#handleBatch} for a poll that cannot be
     * applied together.
     */
    record Applier(InboundEvents inbound, Projections projections, FeedStore feed, Rebuild rebuild) {

        <E extends DomainEvent> void apply(Message<List<byte[]>> batch, Class<E> family) {
            inbound.handleBatch(batch, family,
                    received -> projections.placesOf(received.stream().map(InboundEvents.Received::envelope).toList())
                            .flatMap(places -> Flux.fromIterable(received).concatMap(one -> projected(one.envelope(), places))
                                    .collectList())
                            .flatMap(feed::append),
                    (envelope, event) -> projected(envelope, Map.of()).flatMap(news -> feed.append(List.of(news))));
        }

        /** The event applied to the read models, and what the feed is to show of it. */
        private Mono<FeedStore.News> projected(EventEnvelope<DomainEvent> envelope, Map<String, Projections.Where> places) {
            return projections.apply(envelope, places).flatMap(where -> {
                Instant history = rebuild.replayingHistoryBefore();
                return history != null && envelope.time().isBefore(history) ? Mono.empty() : Mono.just(new FeedStore.News(envelope, where));
            });
        }
    }
}
