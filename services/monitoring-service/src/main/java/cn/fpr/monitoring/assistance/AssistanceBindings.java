package cn.fpr.monitoring.assistance;

import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.labour.LabourEvent;
import cn.fpr.contracts.support.HouseholdSupportEvent;
import cn.fpr.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Jobs, training, loans and dividends reported by the employment and industry services. */
@Configuration
class AssistanceBindings {

    /*
     * In batch mode (each poll's records at once), like the warnings: a poll's events are recorded
     * together, one read and one write of the store for each hundred households (see
     * InboundEvents#handleBatch). One at a time, a household's full document read and written for
     * each dividend, monitoring fell behind the dividends of a few thousand linked households.
     */

    @Bean
    Consumer<Message<List<byte[]>>> labourEvents(InboundEvents inbound, AssistanceRecords records) {
        return batch -> inbound.handleBatch(batch, LabourEvent.class, together(records), (envelope, event) -> records.apply(envelope));
    }

    @Bean
    Consumer<Message<List<byte[]>>> supportEvents(InboundEvents inbound, AssistanceRecords records) {
        return batch -> inbound.handleBatch(batch, HouseholdSupportEvent.class, together(records), (envelope, event) -> records.apply(envelope));
    }

    private static <E extends DomainEvent> Function<List<InboundEvents.Received<E>>, Mono<?>> together(AssistanceRecords records) {
        return received -> records.applyTogether(received.stream().map(InboundEvents.Received::envelope).toList());
    }
}
