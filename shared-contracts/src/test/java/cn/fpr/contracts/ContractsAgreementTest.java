package cn.fpr.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.File;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records, the JSON Schemas and the AsyncAPI document must describe the same catalogue.
 * Any drift between them (a field added to a record only, a schema left out of the AsyncAPI
 * document, a topic renamed in one place) fails here.
 */
class ContractsAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode ASYNCAPI = new YAMLMapper().readTree(new File("asyncapi.yaml"));

    static List<EventType<?>> catalogue() {
        return EventCatalogue.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void every_record_serialises_to_json_its_schema_accepts_and_reads_back_equal(EventType<?> type) {
        DomainEvent sample = Samples.BY_TYPE.get(type.payload());
        assertThat(sample).as("a sample of %s", type.name()).isNotNull();

        byte[] json = EventCodec.encode(sample);

        assertThat(EventCodec.violations(type.name(), json)).isEmpty();
        assertThat(EventCodec.decode(type.name(), json)).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void every_record_component_is_a_schema_property_and_nothing_else(EventType<?> type) {
        JsonNode schema = schema(type);
        Set<String> properties = new HashSet<>(schema.get("properties").propertyNames());
        Set<String> components = Arrays.stream(type.payload().getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());

        assertThat(properties).as("schema properties of %s", type.name()).isEqualTo(components);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void schema_requires_exactly_the_components_that_cannot_be_null(EventType<?> type) {
        JsonNode schema = schema(type);
        Set<String> required = texts(schema.get("required"));
        for (RecordComponent component : type.payload().getRecordComponents()) {
            JsonNode property = schema.get("properties").get(component.getName());
            assertThat(property).as("schema property %s.%s", type.name(), component.getName()).isNotNull();
            JsonNode typeNode = property.get("type");
            boolean nullable = typeNode.isArray() && texts(typeNode).contains("null");
            assertThat(required.contains(component.getName()))
                    .as("%s.%s is required unless its schema type allows null", type.name(), component.getName())
                    .isNotEqualTo(nullable);
            assertThat(nullable && component.getType().isPrimitive())
                    .as("%s.%s is primitive but nullable in the schema", type.name(), component.getName())
                    .isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void enum_components_list_the_same_values_in_the_schema(EventType<?> type) {
        JsonNode properties = schema(type).get("properties");
        for (RecordComponent component : type.payload().getRecordComponents()) {
            if (component.getType().isEnum()) {
                Set<String> constants = Arrays.stream(component.getType().getEnumConstants())
                        .map(c -> ((Enum<?>) c).name()).collect(Collectors.toSet());
                assertThat(texts(properties.get(component.getName()).get("enum")))
                        .as("%s.%s", type.name(), component.getName()).isEqualTo(constants);
            }
        }
    }

    @Test
    void asyncapi_lists_every_topic_with_its_key_and_no_other() {
        Set<String> addresses = StreamSupport.stream(ASYNCAPI.get("channels").spliterator(), false)
                .map(channel -> channel.get("address").asString()).collect(Collectors.toSet());

        assertThat(addresses).isEqualTo(Topics.ALL.stream().map(Topic::name).collect(Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void asyncapi_describes_every_event_on_its_topic_with_its_schema_and_key(EventType<?> type) {
        JsonNode channel = channelAt(type.topic().name());
        List<JsonNode> messages = StreamSupport.stream(channel.get("messages").spliterator(), false)
                .map(ref -> resolve(ref.get("$ref").asString())).toList();
        JsonNode message = messages.stream().filter(m -> m.get("name").asString().equals(type.name())).findFirst()
                .orElseThrow(() -> new AssertionError(type.name() + " is not on channel " + type.topic().name()));

        assertThat(message.at("/payload/schema/$ref").asString())
                .isEqualTo("./src/main/resources" + type.schemaResource());
        assertThat(message.at("/bindings/kafka/key/description").asString()).isEqualTo(type.topic().key());
        assertThat(messages).hasSize(EventCatalogue.onTopic(type.topic()).size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void schema_id_is_the_dataschema_the_envelope_carries(EventType<?> type) {
        assertThat(schema(type).get("$id").asString()).isEqualTo(type.dataschema());
    }

    private static JsonNode channelAt(String address) {
        return StreamSupport.stream(ASYNCAPI.get("channels").spliterator(), false)
                .filter(channel -> channel.get("address").asString().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no AsyncAPI channel at " + address));
    }

    private static JsonNode resolve(String ref) {
        return ASYNCAPI.at(ref.substring(1));
    }

    private static JsonNode schema(EventType<?> type) {
        try (InputStream in = ContractsAgreementTest.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema of %s", type.name()).isNotNull();
            return JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
