package cn.fpr.cooperation.transfer;

import cn.fpr.contracts.labour.LabourEvent;
import cn.fpr.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Employment's placements: cross-region ones count toward the pairing's labour target. */
@Configuration
class LabourEventsBinding {

    @Bean
    Consumer<Message<byte[]>> labourEvents(InboundEvents inbound, LabourTransfers transfers) {
        return message -> inbound.handle(message, LabourEvent.class, (envelope, event) -> transfers.apply(event));
    }
}
