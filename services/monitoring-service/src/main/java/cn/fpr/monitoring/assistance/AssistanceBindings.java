package cn.fpr.monitoring.assistance;

import cn.fpr.contracts.labour.LabourEvent;
import cn.fpr.contracts.support.HouseholdSupportEvent;
import cn.fpr.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Jobs, training, loans and dividends reported by the employment and industry services. */
@Configuration
class AssistanceBindings {

    @Bean
    Consumer<Message<byte[]>> labourEvents(InboundEvents inbound, AssistanceRecords records) {
        return message -> inbound.handle(message, LabourEvent.class, (envelope, event) -> records.apply(envelope));
    }

    @Bean
    Consumer<Message<byte[]>> supportEvents(InboundEvents inbound, AssistanceRecords records) {
        return message -> inbound.handle(message, HouseholdSupportEvent.class, (envelope, event) -> records.apply(envelope));
    }
}
