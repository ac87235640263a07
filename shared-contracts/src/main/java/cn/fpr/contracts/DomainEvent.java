package cn.fpr.contracts;

/**
 * The payload of a v1 event. Implementations are immutable records named in the past tense;
 * the envelope ({@link EventEnvelope}) carries identity, time, source and correlation.
 */
public interface DomainEvent {

    /** The aggregate the event concerns; also the Kafka record key, so one aggregate's events stay in order. */
    String subject();
}
