package cn.fpr.contracts;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event catalogue for operators and integrators, {@code docs/events.md}, is generated from the
 * AsyncAPI document and the JSON Schemas it names; this test fails when the committed page is not
 * what they generate. To bring the page in line after a change of the contracts:
 * {@code mvn -pl shared-contracts test -Dtest=EventCatalogueTest -Dfpr.catalogue.write=true}.
 */
class EventCatalogueTest {

    private static final Path PAGE = Path.of("../docs/events.md");

    @Test
    void the_event_catalogue_page_is_what_the_asyncapi_document_and_schemas_generate() throws IOException {
        String generated = generate();
        if (Boolean.getBoolean("fpr.catalogue.write")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(PAGE)).as(PAGE + " exists (generate it with -Dfpr.catalogue.write=true)").isTrue();
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
                .as("docs/events.md as generated from asyncapi.yaml (regenerate with -Dfpr.catalogue.write=true)")
                .isEqualTo(generated);
    }

    static String generate() throws IOException {
        JsonNode asyncApi = new YAMLMapper().readTree(new File("asyncapi.yaml"));
        StringBuilder page = new StringBuilder();
        page.append("# Event catalogue\n\n")
                .append("Generated from `shared-contracts/asyncapi.yaml` and the JSON Schemas it names by `EventCatalogueTest`; ")
                .append("do not edit by hand (regenerate: `mvn -pl shared-contracts test -Dtest=EventCatalogueTest -Dfpr.catalogue.write=true`).\n\n")
                .append(asyncApi.path("info").path("description").asString().trim()).append("\n\n");
        page.append("## Topics\n\n| topic | key | events | published by | consumed by |\n|---|---|---|---|---|\n");
        for (var channel : asyncApi.path("channels").properties()) {
            List<String> events = new ArrayList<>();
            String key = null;
            for (var message : channel.getValue().path("messages").properties()) {
                JsonNode definition = message(asyncApi, message.getValue());
                events.add("`" + definition.path("name").asString() + "`");
                key = definition.path("bindings").path("kafka").path("key").path("description").asString();
            }
            page.append("| `").append(channel.getValue().path("address").asString()).append("` | ").append(key).append(" | ")
                    .append(String.join(", ", events)).append(" | ").append(operation(asyncApi, channel.getKey(), "send", "published by "))
                    .append(" | ").append(operation(asyncApi, channel.getKey(), "receive", "consumed by ")).append(" |\n");
        }
        page.append("\n## Headers of every event (CloudEvents 1.0, binary mode)\n\n| header | meaning |\n|---|---|\n");
        JsonNode headers = asyncApi.path("components").path("messageTraits").path("cloudEvent").path("headers");
        for (var header : headers.path("properties").properties()) {
            page.append("| `").append(header.getKey()).append("` | ").append(header.getValue().path("description").asString()).append(" |\n");
        }
        for (var channel : asyncApi.path("channels").properties()) {
            page.append("\n## `").append(channel.getValue().path("address").asString()).append("`\n\n")
                    .append(channel.getValue().path("description").asString()).append("\n");
            for (var message : channel.getValue().path("messages").properties()) {
                JsonNode definition = message(asyncApi, message.getValue());
                JsonNode schema = JsonMapper.builder().build().readTree(new File(
                        definition.path("payload").path("schema").path("$ref").asString()));
                page.append("\n### `").append(definition.path("name").asString()).append("`\n\n")
                        .append(schema.path("title").asString()).append(". Schema `").append(schema.path("$id").asString()).append("`.\n\n")
                        .append("| field | type | required | meaning |\n|---|---|---|---|\n");
                fields(schema, "", page);
            }
        }
        return page.toString();
    }

    private static JsonNode message(JsonNode asyncApi, JsonNode reference) {
        String name = reference.path("$ref").asString().substring("#/components/messages/".length());
        return asyncApi.path("components").path("messages").path(name);
    }

    private static String operation(JsonNode asyncApi, String channel, String action, String prefix) {
        for (JsonNode operation : asyncApi.path("operations")) {
            if (operation.path("action").asString().equals(action)
                    && operation.path("channel").path("$ref").asString().equals("#/channels/" + channel)) {
                String summary = operation.path("summary").asString();
                return summary.startsWith(prefix) ? summary.substring(prefix.length()) : summary;
            }
        }
        return "";
    }

    /** A row per field, nested objects' fields under their parent's name (and {@code []} for those of a list's items). */
    private static void fields(JsonNode schema, String prefix, StringBuilder page) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(field -> required.add(field.asString()));
        for (var property : schema.path("properties").properties()) {
            JsonNode field = property.getValue();
            String name = prefix + property.getKey();
            page.append("| `").append(name).append("` | ").append(type(field)).append(" | ")
                    .append(required.contains(property.getKey()) ? "yes" : "").append(" | ")
                    .append(field.path("description").asString(field.path("items").path("description").asString())).append(" |\n");
            if (field.has("properties")) {
                fields(field, name + ".", page);
            } else if (field.path("items").has("properties")) {
                fields(field.path("items"), name + "[].", page);
            }
        }
    }

    private static String type(JsonNode field) {
        JsonNode values = field.has("enum") ? field.path("enum") : field.path("items").path("enum");
        String type = field.path("type").isArray() ? field.path("type").get(0).asString() : field.path("type").asString();
        if (type.equals("array")) {
            String items = field.path("items").path("type").asString();
            type = "list of " + (items.isEmpty() ? "values" : items);
        }
        if (field.path("format").asString().equals("date")) {
            type = "date";
        }
        if (!values.isMissingNode() && values.isArray()) {
            List<String> names = new ArrayList<>();
            values.forEach(value -> names.add(value.asString()));
            type += ": " + String.join(", ", names);
        }
        return type;
    }
}
