package cn.fpr.monitoring.household.messaging;

import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.monitoring.household.SignalIntake;
import cn.fpr.monitoring.household.model.Signal;
import cn.fpr.monitoring.household.model.SignalChannel;
import cn.fpr.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;

/** Department warnings from the inbound signals topic. */
@Configuration
class SignalBinding {

    /**
     * In batch mode (each poll's records at once): the warnings of a poll are applied together, in
     * one read and one write of the store for each hundred households (see {@link InboundEvents#handleBatch}).
     */
    @Bean
    Consumer<Message<List<byte[]>>> departmentSignals(InboundEvents inbound, SignalIntake intake) {
        return batch -> inbound.handleBatch(batch, DepartmentSignalReceived.class,
                received -> intake.receiveTogether(received.stream()
                        .map(one -> new SignalIntake.Received(signal(one.event()), one.envelope().correlationId())).toList()),
                (envelope, warning) -> intake.receive(signal(warning)));
    }

    private static Signal signal(DepartmentSignalReceived warning) {
        return new Signal(SignalChannel.DEPARTMENT, warning.department().name(), warning.signalId(), warning.householdId(),
                warning.riskType(), warning.observedOn(), warning.annualNetIncomeYuan(), warning.rigidSpendingYuan(), null, null,
                warning.description());
    }
}
