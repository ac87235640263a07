package cn.fpr.platform.messaging;

import cn.fpr.contracts.MalformedEventException;
import cn.fpr.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.messaging.MessagingException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What becomes of a record that its consumer could not apply, for every consumer binding of a
 * service, one record at a time or in batches: it is tried twice more, 200 ms and then 400 ms
 * later, unless it can never be applied (malformed, or not of its topic's family); then it is
 * published to the dead-letter topic {@code error.<topic>.<group>} with the reason
 * ({@code x-exception-message}), the exception's class ({@code x-exception-fqcn}) and where it came
 * from ({@code x-original-topic}, {@code -partition}, {@code -offset}), and its offset is
 * committed. A batch consumer names the record that failed ({@link BatchListenerFailedException}):
 * the records before it are committed, the failed one is tried again or dead-lettered, and those
 * after it are delivered again.
 * <p>
 * The bindings refer to it by {@link #BEAN} ({@code common-error-handler-bean-name}); the binder's
 * own retries and dead-letter queue are off, so that this is the one way.
 */
public final class DeadLetterRouting implements DisposableBean {

    /** The name the bindings know it by. */
    public static final String BEAN = "fprDeadLetterRouting";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRouting.class);

    private final KafkaClients kafka;
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;
    private final Map<String, DeadLetterPublishingRecoverer> recoverers = new ConcurrentHashMap<>();
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();

    public DeadLetterRouting(KafkaClients kafka) {
        this.kafka = kafka;
        this.producers = new DefaultKafkaProducerFactory<>(kafka.with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "dead-letters")), new ByteArraySerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
    }

    /** The error handler of the consumer containers. */
    public CommonErrorHandler errorHandler() {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(2);
        backOff.setInitialInterval(200);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(2000);
        DefaultErrorHandler handler = new DefaultErrorHandler((ConsumerAwareRecordRecoverer) this::deadLetter, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, RejectedEventException.class);
        // the log has a line for each failed delivery and each dead letter (below), not the container's stack
        // traces with the whole poll in them (the messaging layer's error logger is off for the same reason)
        handler.setLogLevel(KafkaException.Level.DEBUG);
        handler.setRetryListeners((record, failure, attempt) -> log.info("delivery {} of {}-{}@{} failed: {}", attempt,
                record.topic(), record.partition(), record.offset(), reason(failure).toString()));
        return handler;
    }

    private void deadLetter(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception failure) {
        String group = consumer.groupMetadata().groupId();
        Exception reason = reason(failure);
        recoverers.computeIfAbsent(group, this::recoverer).accept(record, consumer, reason);
        log.warn("dead-lettered {}-{}@{} of group {} to {}: {}", record.topic(), record.partition(), record.offset(), group,
                Topics.deadLetter(record.topic(), group), reason.toString());
    }

    private DeadLetterPublishingRecoverer recoverer(String group) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, failure) -> {
            String topic = Topics.deadLetter(record.topic(), group);
            provision(topic);
            return new TopicPartition(topic, 0);
        });
        recoverer.setHeaderNamesSupplier(() -> DeadLetterPublishingRecoverer.HeaderNames.Builder.original()
                .topicHeader("x-original-topic")
                .partitionHeader("x-original-partition")
                .offsetHeader("x-original-offset")
                .timestampHeader("x-original-timestamp")
                .timestampTypeHeader("x-original-timestamp-type")
                .consumerGroupHeader("x-original-consumer-group")
                .exception()
                .exceptionFqcn("x-exception-fqcn")
                .exceptionCauseFqcn("x-exception-cause-fqcn")
                .exceptionMessage("x-exception-message")
                .exceptionStacktrace("x-exception-stacktrace")
                .keyExceptionFqcn("x-key-exception-fqcn")
                .keyExceptionMessage("x-key-exception-message")
                .keyExceptionStacktrace("x-key-exception-stacktrace")
                .build());
        return recoverer;
    }

    /**
     * The dead-letter topic, created with one partition the first time a record goes there (tried
     * once per topic: where the topics are made beforehand and the service may not create them, the
     * record is sent to the one that is there).
     */
    private void provision(String topic) {
        if (!provisioned.add(topic)) {
            return;
        }
        try (Admin admin = Admin.create(kafka.with(Map.of()))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
            log.info("created the dead-letter topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("could not create the dead-letter topic {} ({}); sending to it as it is", topic, e.getCause().toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            log.warn("timed out creating the dead-letter topic {}; sending to it as it is", topic);
        }
    }

    /** The failure itself, without the listener's and the messaging layer's wrappers around it. */
    static Exception reason(Exception failure) {
        Throwable reason = failure;
        while ((reason instanceof ListenerExecutionFailedException || reason instanceof MessagingException
                || reason instanceof BatchListenerFailedException) && reason.getCause() instanceof Exception cause) {
            reason = cause;
        }
        return (Exception) reason;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
