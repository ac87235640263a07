package cn.fpr.contracts;

/**
 * One entry of the event catalogue.
 *
 * @param name    the CloudEvents {@code type}, e.g. {@code household-flagged}
 * @param version the schema version (breaking changes get a new version beside the old one)
 * @param payload the record class
 * @param topic   the topic it is published to
 */
public record EventType<E extends DomainEvent>(String name, int version, Class<E> payload, Topic topic) {

    /** The URI of this type's JSON Schema, carried as the CloudEvents {@code dataschema}. */
    public String dataschema() {
        return "urn:fpr:schema:" + name + ":v" + version;
    }

    /** Where the JSON Schema lives on the classpath. */
    public String schemaResource() {
        return "/schemas/v" + version + "/" + name + ".schema.json";
    }
}
