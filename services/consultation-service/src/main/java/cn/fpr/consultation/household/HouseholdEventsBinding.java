package cn.fpr.consultation.household;

import cn.fpr.contracts.household.HouseholdEvent;
import cn.fpr.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Monitoring's household facts into the consultation read model. */
@Configuration
class HouseholdEventsBinding {

    @Bean
    Consumer<Message<byte[]>> householdEvents(InboundEvents inbound, HouseholdProjection projection) {
        return message -> inbound.handle(message, HouseholdEvent.class, (envelope, event) -> projection.apply(event));
    }
}
