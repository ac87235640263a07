package cn.fpr.monitoring.household;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.household.HouseholdEvent;
import cn.fpr.platform.messaging.Events;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** When a change happens and which chain it belongs to; wraps the events it raises. */
public record Occasion(LocalDate today, Instant now, String correlationId, Events events) {

    public static Occasion of(Clock clock, String correlationId, Events events) {
        return new Occasion(LocalDate.now(clock), clock.instant(), correlationId, events);
    }

    /** The same moment, in the chain of the given correlation ID (a case's steps belong to the signal that opened it). */
    public Occasion inChain(String chainCorrelationId) {
        return new Occasion(today, now, chainCorrelationId, events);
    }

    public <E extends HouseholdEvent> EventEnvelope<E> envelope(E event) {
        return events.envelope(event, correlationId);
    }
}
