package cn.fpr.platform.testapp;

import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.labour.LabourEvent;
import cn.fpr.platform.messaging.InboundEvents;
import cn.fpr.platform.messaging.RejectedEventException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

@Configuration
public class LabourBinding {

    /** While set, placements named pl-held-… are refused (a fault an operator fixes before replaying them). */
    public static final AtomicBoolean HELD = new AtomicBoolean();

    @Bean
    Consumer<Message<byte[]>> labour(InboundEvents inbound, Tallies tallies) {
        return message -> inbound.handle(message, LabourEvent.class, (envelope, event) -> {
            if (!(event instanceof JobPlaced placed)) {
                return Mono.empty();
            }
            if (HELD.get() && placed.placementId().startsWith("pl-held-")) {
                throw new RejectedEventException("placement " + placed.placementId() + " held until its opening is registered");
            }
            return tallies.findById(placed.householdId())
                    .defaultIfEmpty(new Tally(placed.householdId()))
                    .filter(tally -> !tally.hasApplied(envelope.id()))
                    .flatMap(tally -> {
                        tally.apply(envelope.id(), placed.placementId());
                        return tallies.save(tally);
                    });
        });
    }
}
