package cn.fpr.monitoring.household.messaging;

import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.monitoring.household.SignalIntake;
import cn.fpr.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Department signals from the inbound topic. */
@Configuration
class SignalBinding {

    @Bean
    Consumer<Message<byte[]>> departmentSignals(InboundEvents inbound, SignalIntake intake) {
        return message -> inbound.handle(message, DepartmentSignalReceived.class, (envelope, signal) -> intake.receive(signal));
    }
}
