package cn.fpr.cooperation.partner.notify;

import cn.fpr.contracts.pairing.PairingEvent;
import cn.fpr.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** The service's own pairing events, read back to notify the partners they concern. */
@Configuration
class PairingEventsBinding {

    @Bean
    Consumer<Message<byte[]>> pairingEvents(InboundEvents inbound, Deliveries deliveries) {
        return message -> inbound.handle(message, PairingEvent.class, deliveries::queue);
    }
}
