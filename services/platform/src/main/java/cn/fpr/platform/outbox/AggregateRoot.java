package cn.fpr.platform.outbox;

import cn.fpr.contracts.EventEnvelope;
import cn.fpr.platform.audit.AuditEntry;
import cn.fpr.platform.audit.AuditTrail;
import org.springframework.data.annotation.Version;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Base of every stored aggregate. The events a state change causes are kept in the same document
 * ({@link #outbox()}), so state and events are written in one atomic single-document write; the
 * {@link OutboxRelay} publishes them and only then removes them. The IDs of the last events the
 * aggregate applied are kept too, so a redelivered event has no second effect.
 */
public abstract class AggregateRoot {

    /** How many applied event IDs an aggregate remembers; redeliveries come long before that many newer events. */
    static final int APPLIED_EVENTS_REMEMBERED = 256;

    @Version
    private Long version;
    private List<OutboxMessage> outbox = new ArrayList<>();
    private List<String> appliedEventIds = new ArrayList<>();
    /** The mark of the bulk write that last wrote this state: kept by every later writer, so it tells whether that write landed. */
    private String writeMark;

    /** Records an event to publish with this state change. */
    protected void raise(EventEnvelope<?> event) {
        outbox.add(OutboxMessage.of(event));
    }

    /**
     * Records an audit entry with this state change: it goes to the service's audit trail through
     * the outbox, so the change and its entry are written together.
     */
    public void audit(AuditEntry entry) {
        outbox.add(new OutboxMessage(entry.id(), AuditTrail.DESTINATION, entry.subject(), Map.of(), entry.toJson()));
    }

    /** Whether the event with this ID has already had its effect on this aggregate. */
    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    /** Remembers that the event had its effect; saved in the same write as the effect itself. */
    public void markApplied(String eventId) {
        appliedEventIds.add(eventId);
        if (appliedEventIds.size() > APPLIED_EVENTS_REMEMBERED) {
            appliedEventIds.remove(0);
        }
    }

    public List<OutboxMessage> outbox() {
        return List.copyOf(outbox);
    }

    void markWrite(String mark) {
        writeMark = mark;
    }

    public Long version() {
        return version;
    }
}
