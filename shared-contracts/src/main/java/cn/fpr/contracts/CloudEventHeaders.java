package cn.fpr.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents 1.0 Kafka protocol binding, binary content mode: context attributes as
 * {@code ce_}-prefixed headers, the payload as the record value, {@code content-type} for its media type.
 * The correlation ID travels as the extension attribute {@code correlationid}.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    /** The headers of an envelope, in a stable order. */
    public static Map<String, String> toHeaders(EventEnvelope<?> envelope) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, EventEnvelope.SPEC_VERSION);
        headers.put(ID, envelope.id());
        headers.put(SOURCE, envelope.source());
        headers.put(TYPE, envelope.type());
        headers.put(SUBJECT, envelope.subject());
        headers.put(TIME, envelope.time().toString());
        headers.put(DATA_SCHEMA, envelope.dataschema());
        headers.put(CORRELATION_ID, envelope.correlationId());
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }

    /**
     * Reads an envelope from Kafka headers (raw bytes, as on the wire) and the record value.
     *
     * @throws MalformedEventException when a required attribute is missing or wrong, or the payload is invalid
     */
    public static EventEnvelope<DomainEvent> fromHeaders(Map<String, byte[]> headers, byte[] value) {
        String specVersion = required(headers, SPEC_VERSION);
        if (!EventEnvelope.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("unsupported CloudEvents specversion '" + specVersion + "'");
        }
        String type = required(headers, TYPE);
        DomainEvent data = EventCodec.decode(type, value);
        String subject = optional(headers, SUBJECT, data.subject());
        if (!subject.equals(data.subject())) {
            throw new MalformedEventException("header " + SUBJECT + " '" + subject + "' does not match the payload's subject");
        }
        String id = required(headers, ID);
        return new EventEnvelope<>(id, required(headers, SOURCE), type, subject, time(headers),
                optional(headers, DATA_SCHEMA, EventCatalogue.byName(type).orElseThrow().dataschema()),
                optional(headers, CORRELATION_ID, id), data);
    }

    private static Instant time(Map<String, byte[]> headers) {
        String time = required(headers, TIME);
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("header " + TIME + " is not an RFC 3339 timestamp: '" + time + "'");
        }
    }

    private static String required(Map<String, byte[]> headers, String name) {
        byte[] value = headers.get(name);
        if (value == null || value.length == 0) {
            throw new MalformedEventException("missing header " + name);
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static String optional(Map<String, byte[]> headers, String name, String fallback) {
        byte[] value = headers.get(name);
        return value == null || value.length == 0 ? fallback : new String(value, StandardCharsets.UTF_8);
    }

    private CloudEventHeaders() {
    }
}
