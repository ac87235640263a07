package cn.fpr.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * An event with its CloudEvents 1.0 context attributes plus the correlation ID that ties it to the
 * signal or request that started the chain. On Kafka the attributes travel as headers (binary
 * content mode, see {@link CloudEventHeaders}) and {@code data} is the JSON record value.
 *
 * @param id            unique event ID; consumers deduplicate on it
 * @param source        the producing service, e.g. {@code /fpr/monitoring-service}
 * @param type          the catalogue name, e.g. {@code household-flagged}
 * @param subject       the aggregate ID, also the record key
 * @param time          when the fact happened
 * @param dataschema    the URI of the payload's JSON Schema
 * @param correlationId the chain this event belongs to
 * @param data          the payload
 */
public record EventEnvelope<E extends DomainEvent>(
        String id, String source, String type, String subject, Instant time,
        String dataschema, String correlationId, E data) {

    public static final String SPEC_VERSION = "1.0";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(dataschema, "dataschema");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(data, "data");
    }

    /** Wraps a payload for publication; type and schema come from the catalogue. */
    public static <E extends DomainEvent> EventEnvelope<E> of(
            String id, String source, Instant time, String correlationId, E data) {
        EventType<?> type = EventCatalogue.typeOf(data);
        return new EventEnvelope<>(id, source, type.name(), data.subject(), time, type.dataschema(), correlationId, data);
    }
}
