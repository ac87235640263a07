package cn.fpr.platform.testapp;

import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.labour.LabourEvent;
import cn.fpr.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

import java.util.function.Consumer;

@Configuration
class LabourBinding {

    @Bean
    Consumer<Message<byte[]>> labour(InboundEvents inbound, Tallies tallies) {
        return message -> inbound.handle(message, LabourEvent.class, (envelope, event) -> {
            if (!(event instanceof JobPlaced placed)) {
                return Mono.empty();
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
