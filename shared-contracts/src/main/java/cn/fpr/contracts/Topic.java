package cn.fpr.contracts;

/**
 * A Kafka topic of the v1 catalogue.
 *
 * @param name the topic name
 * @param key  what the record key holds (every event on the topic is keyed by it)
 */
public record Topic(String name, String key) {
}
