package cn.fpr.industry.borrower;

import cn.fpr.contracts.household.HouseholdEvent;
import cn.fpr.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Monitoring's household facts: who may be offered microcredit and linkage. */
@Configuration
class HouseholdEventsBinding {

    @Bean
    Consumer<Message<byte[]>> householdEvents(InboundEvents inbound, BorrowerCandidates candidates) {
        return message -> inbound.handle(message, HouseholdEvent.class, (envelope, event) -> candidates.apply(event));
    }
}
