package cn.fpr.monitoring.household.messaging;

import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.monitoring.household.SignalIntake;
import cn.fpr.monitoring.household.model.Signal;
import cn.fpr.monitoring.household.model.SignalChannel;
import cn.fpr.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Department warnings from the inbound signals topic. */
@Configuration
class SignalBinding {

    @Bean
    Consumer<Message<byte[]>> departmentSignals(InboundEvents inbound, SignalIntake intake) {
        return message -> inbound.handle(message, DepartmentSignalReceived.class, (envelope, warning) ->
                intake.receive(new Signal(SignalChannel.DEPARTMENT, warning.department().name(), warning.signalId(),
                        warning.householdId(), warning.riskType(), warning.observedOn(), warning.annualNetIncomeYuan(),
                        warning.rigidSpendingYuan(), null, null, warning.description())));
    }
}
