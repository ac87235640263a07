package cn.fpr.employment.seeker;

import cn.fpr.contracts.household.HouseholdEvent;
import cn.fpr.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Monitoring's household facts: newly monitored households bring their workers into the labour registry. */
@Configuration
class HouseholdEventsBinding {

    @Bean
    Consumer<Message<byte[]>> householdEvents(InboundEvents inbound, LabourRegistry registry) {
        return message -> inbound.handle(message, HouseholdEvent.class, (envelope, event) -> registry.apply(event));
    }
}
