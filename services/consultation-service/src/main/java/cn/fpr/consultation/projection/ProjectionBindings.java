package cn.fpr.consultation.projection;

import cn.fpr.consultation.feed.FeedStore;
import cn.fpr.contracts.DomainEvent;
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
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Every topic into the read models and the live feed, one binding per topic. */
@Configuration
class ProjectionBindings {

    /** The bindings, by name, as a rebuild stops and starts them. */
    static final List<String> BINDINGS = List.of("signalEvents-in-0", "householdEvents-in-0", "labourEvents-in-0",
            "supportEvents-in-0", "projectEvents-in-0", "countyEvents-in-0", "pairingEvents-in-0");

    @Bean
    Consumer<Message<byte[]>> signalEvents(Applier applier) {
        return message -> applier.apply(message, SignalEvent.class);
    }

    @Bean
    Consumer<Message<byte[]>> householdEvents(Applier applier) {
        return message -> applier.apply(message, HouseholdEvent.class);
    }

    @Bean
    Consumer<Message<byte[]>> labourEvents(Applier applier) {
        return message -> applier.apply(message, LabourEvent.class);
    }

    @Bean
    Consumer<Message<byte[]>> supportEvents(Applier applier) {
        return message -> applier.apply(message, HouseholdSupportEvent.class);
    }

    @Bean
    Consumer<Message<byte[]>> projectEvents(Applier applier) {
        return message -> applier.apply(message, ProjectEvent.class);
    }

    @Bean
    Consumer<Message<byte[]>> countyEvents(Applier applier) {
        return message -> applier.apply(message, CountyEvent.class);
    }

    @Bean
    Consumer<Message<byte[]>> pairingEvents(Applier applier) {
        return message -> applier.apply(message, PairingEvent.class);
    }

    @Bean
    Applier applier(InboundEvents inbound, Projections projections, FeedStore feed, Rebuild rebuild) {
        return new Applier(inbound, projections, feed, rebuild);
    }

    /**
     * Applies an event to the read models, then appends it to the feed with the region it concerns
     * (not the history a rebuild replays: that is not news for dashboards).
     */
    record Applier(InboundEvents inbound, Projections projections, FeedStore feed, Rebuild rebuild) {

        <E extends DomainEvent> void apply(Message<byte[]> message, Class<E> family) {
            inbound.handle(message, family, (envelope, event) -> projections.apply(envelope).flatMap(where -> {
                Instant history = rebuild.replayingHistoryBefore();
                return history != null && envelope.time().isBefore(history) ? Mono.empty() : feed.append(envelope, where);
            }));
        }
    }
}
