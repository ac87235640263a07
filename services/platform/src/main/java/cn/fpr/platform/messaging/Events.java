package cn.fpr.platform.messaging;

import cn.fpr.contracts.DomainEvent;
import cn.fpr.contracts.EventEnvelope;

import java.time.Clock;
import java.util.UUID;

/** Wraps the events a service raises: a fresh ID, this service as source, the injected clock's time. */
public final class Events {

    private final String source;
    private final Clock clock;

    public Events(String serviceName, Clock clock) {
        this.source = "/fpr/" + serviceName;
        this.clock = clock;
    }

    public <E extends DomainEvent> EventEnvelope<E> envelope(E data, String correlationId) {
        return EventEnvelope.of(UUID.randomUUID().toString(), source, clock.instant(), correlationId, data);
    }

    public String source() {
        return source;
    }
}
