package cn.fpr.employment.messaging;

import cn.fpr.contracts.household.HouseholdEvent;
import cn.fpr.contracts.labour.JobLost;
import cn.fpr.contracts.labour.JobPlaced;
import cn.fpr.contracts.labour.LabourEvent;
import cn.fpr.contracts.labour.ZeroEmploymentHouseholdDetected;
import cn.fpr.contracts.pairing.PairingEvent;
import cn.fpr.employment.indicator.EmploymentIndicators;
import cn.fpr.employment.opening.Openings;
import cn.fpr.employment.relocation.Relocation;
import cn.fpr.employment.seeker.LabourRegistry;
import cn.fpr.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

import java.util.function.Consumer;

/**
 * What employment consumes: monitoring's household facts (workers of flagged households enter the
 * registry), east–west labour offers (they become openings), and its own labour facts, which keep
 * seekers' employment, relocation sites and indicators up to date from the one published record.
 */
@Configuration
class EventBindings {

    @Bean
    Consumer<Message<byte[]>> householdEvents(InboundEvents inbound, LabourRegistry registry) {
        return message -> inbound.handle(message, HouseholdEvent.class, (envelope, event) -> registry.apply(event));
    }

    @Bean
    Consumer<Message<byte[]>> pairingEvents(InboundEvents inbound, Openings openings) {
        return message -> inbound.handle(message, PairingEvent.class, (envelope, event) -> openings.apply(event));
    }

    @Bean
    Consumer<Message<byte[]>> labourEvents(InboundEvents inbound, LabourRegistry registry, Relocation relocation,
                                           EmploymentIndicators indicators) {
        return message -> inbound.handle(message, LabourEvent.class, (envelope, event) -> {
            if (event instanceof JobPlaced placed) {
                return registry.employment(placed.householdId(), placed.memberId(), true, placed.placementId())
                        .then(relocation.employment(placed.householdId(), placed.memberId(), true))
                        .then(indicators.placed(placed));
            }
            if (event instanceof JobLost lost) {
                return registry.employment(lost.householdId(), lost.memberId(), false, lost.placementId())
                        .then(relocation.employment(lost.householdId(), lost.memberId(), false))
                        .then(indicators.lost(lost));
            }
            if (event instanceof ZeroEmploymentHouseholdDetected zero) {
                return registry.prioritiseZeroEmployment(zero.householdId());
            }
            return Mono.empty();
        });
    }
}
