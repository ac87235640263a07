package cn.fpr.monitoring.household;

import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.monitoring.household.model.SignalOutcome;
import cn.fpr.monitoring.threshold.model.MonitoringLines;
import cn.fpr.platform.messaging.Correlation;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.outbox.OutboxRelay;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Department signals from either door (the signals topic or HTTP) end here: the household's file
 * and any household-flagged event are saved in one write; the same signal twice changes nothing.
 */
@Service
public class SignalIntake {

    private final Households households;
    private final MonitoringLines lines;
    private final Events events;
    private final OutboxRelay relay;
    private final Clock clock;

    SignalIntake(Households households, MonitoringLines lines, Events events, OutboxRelay relay, Clock clock) {
        this.households = households;
        this.lines = lines;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    /** Applies the signal, or fails with {@link UnknownHouseholdException} when the registry has no such household. */
    public Mono<SignalOutcome> receive(DepartmentSignalReceived signal) {
        return Correlation.id().flatMap(correlationId -> Mono.defer(() -> apply(signal, correlationId))
                .retryWhen(Retry.backoff(5, Duration.ofMillis(20)).filter(OptimisticLockingFailureException.class::isInstance)));
    }

    private Mono<SignalOutcome> apply(DepartmentSignalReceived signal, String correlationId) {
        AtomicReference<SignalOutcome> outcome = new AtomicReference<>();
        return households.findById(signal.householdId())
                .switchIfEmpty(Mono.error(() -> new UnknownHouseholdException(signal.householdId())))
                .flatMap(household -> {
                    LocalDate today = LocalDate.now(clock);
                    outcome.set(household.receive(signal, lines.lineFor(household.region().provinceCode(), today.getYear()),
                            today, flagged -> events.envelope(flagged, correlationId)));
                    return outcome.get() == SignalOutcome.DUPLICATE ? Mono.just(household) : households.save(household);
                })
                .doOnNext(saved -> relay.nudge())
                .map(saved -> outcome.get());
    }
}
