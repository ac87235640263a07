package cn.fpr.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns event payloads into JSON and back. Decoding checks the payload against its type's JSON
 * Schema first, so a malformed event is rejected with a reason naming the field, before any
 * effect.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // money is exact: no detour through double, no trailing zeros dropped
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static final Map<String, Schema> SCHEMAS = EventCatalogue.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::name, EventCodec::loadSchema));

    public static byte[] encode(DomainEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /** Decodes and validates a payload of the named type, or throws {@link MalformedEventException} with the reason. */
    public static DomainEvent decode(String typeName, byte[] payload) {
        EventType<?> type = EventCatalogue.byName(typeName)
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + typeName + "'"));
        JsonNode json = parse(typeName, payload);
        List<Error> errors = SCHEMAS.get(type.name()).validate(json);
        if (!errors.isEmpty()) {
            throw new MalformedEventException("payload of " + typeName + " violates its schema: "
                    + errors.stream().map(EventCodec::describe).collect(Collectors.joining("; ")));
        }
        try {
            return MAPPER.treeToValue(json, type.payload());
        } catch (JacksonException e) {
            throw new MalformedEventException("payload of " + typeName + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON Schema errors of a payload, for callers that report them (contract tests, HTTP edges). */
    public static List<String> violations(String typeName, byte[] payload) {
        Schema schema = SCHEMAS.get(typeName);
        if (schema == null) {
            return List.of("unknown event type '" + typeName + "'");
        }
        return schema.validate(parse(typeName, payload)).stream().map(EventCodec::describe).toList();
    }

    private static JsonNode parse(String typeName, byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new MalformedEventException("payload of " + typeName + " is empty");
        }
        try {
            return MAPPER.readTree(payload);
        } catch (JacksonException e) {
            throw new MalformedEventException("payload of " + typeName + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    private static Schema loadSchema(EventType<?> type) {
        try (InputStream in = EventCodec.class.getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("no JSON Schema at " + type.schemaResource());
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EventCodec() {
    }
}
