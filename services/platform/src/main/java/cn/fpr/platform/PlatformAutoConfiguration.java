package cn.fpr.platform;

import cn.fpr.platform.audit.AuditController;
import cn.fpr.platform.audit.AuditTrail;
import cn.fpr.platform.deadletter.DeadLetterController;
import cn.fpr.platform.deadletter.DeadLetters;
import cn.fpr.platform.identity.IdNumberHasher;
import cn.fpr.platform.identity.PersonalData;
import cn.fpr.platform.messaging.Events;
import cn.fpr.platform.messaging.DeadLetterRouting;
import cn.fpr.platform.messaging.InboundEvents;
import cn.fpr.platform.messaging.KafkaClients;
import cn.fpr.platform.outbox.AggregateChanges;
import cn.fpr.platform.outbox.AggregateRoot;
import cn.fpr.platform.outbox.OutboxRelay;
import cn.fpr.platform.outbox.OutboxStores;
import cn.fpr.platform.outbox.VersionIndexes;
import cn.fpr.platform.store.StoreCircuit;
import cn.fpr.platform.store.StoreCircuitFilter;
import cn.fpr.platform.web.CorrelationIdFilter;
import cn.fpr.platform.web.ProblemDetailsAdvice;
import cn.fpr.platform.web.ProblemWebExceptionHandler;
import cn.fpr.platform.web.limits.ClientRateLimitFilter;
import cn.fpr.platform.web.limits.RequestSizeFilter;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The shared reliability mechanism every service gets by depending on the platform module. */
@AutoConfiguration
@EnableConfigurationProperties(OutboxProperties.class)
@Import({ProblemDetailsAdvice.class, DeadLetterController.class, AuditController.class})
public class PlatformAutoConfiguration {

    /**
     * Time rules read this clock, never the wall clock directly; tests replace it. A demonstration
     * run may make time pass faster ({@code fpr.clock.speed} times, from {@code fpr.clock.origin}, reading
     * {@code fpr.clock.start} then).
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${fpr.clock.speed:1}") long speed, @Value("${fpr.clock.origin:}") String origin,
                @Value("${fpr.clock.start:}") String start) {
        if (speed == 1 && start.isBlank()) {
            return Clock.systemUTC();
        }
        Instant from = origin.isBlank() ? Instant.now() : Instant.parse(origin);
        return new DemoClock(Clock.systemUTC(), from, start.isBlank() ? from : Instant.parse(start), speed);
    }

    /** Periods such as income months are stored as {@code "2026-04"}. */
    @Bean
    @ConditionalOnMissingBean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new YearMonthToString(), new StringToYearMonth()));
    }

    @WritingConverter
    static final class YearMonthToString implements Converter<YearMonth, String> {
        @Override
        public String convert(YearMonth month) {
            return month.toString();
        }
    }

    @ReadingConverter
    static final class StringToYearMonth implements Converter<String, YearMonth> {
        @Override
        public YearMonth convert(String month) {
            return YearMonth.parse(month);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    Events events(@Value("${spring.application.name}") String serviceName, Clock clock) {
        return new Events(serviceName, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    InboundEvents inboundEvents(OutboxProperties properties, StoreCircuit storeCircuit) {
        return new InboundEvents(properties.handlerTimeout(), properties.storeOutageWait(), storeCircuit);
    }

    /** The circuit breaker around store work; also the {@code storeCircuit} health indicator, part of readiness. */
    @Bean
    @ConditionalOnMissingBean
    StoreCircuit storeCircuit(@Value("${fpr.store.circuit-open-wait:5s}") Duration waitWhenOpen) {
        return new StoreCircuit(waitWhenOpen);
    }

    @Bean
    StoreCircuitFilter storeCircuitFilter(StoreCircuit storeCircuit) {
        return new StoreCircuitFilter(storeCircuit);
    }

    @Bean
    @ConditionalOnProperty("fpr.identity.hash-key")
    IdNumberHasher idNumberHasher(@Value("${fpr.identity.hash-key}") String key) {
        return new IdNumberHasher(key);
    }

    @Bean
    @ConditionalOnProperty("fpr.identity.personal-data-key")
    PersonalData personalData(@Value("${fpr.identity.personal-data-key}") String key) {
        return new PersonalData(key);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(ConfigurableEnvironment environment, ReactiveMongoTemplate mongo, Clock clock, KafkaClients kafka,
                            BeanFactory beans) {
        return new DeadLetters(environment, mongo, kafka, beans, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaClients kafkaClients(Environment environment) {
        return KafkaClients.of(environment);
    }

    @Bean
    DeadLetterRouting deadLetterRouting(KafkaClients kafka) {
        return new DeadLetterRouting(kafka);
    }

    /** The error handler of every consumer binding: bounded retries, then the dead-letter topic. */
    @Bean(DeadLetterRouting.BEAN)
    CommonErrorHandler fprDeadLetterRouting(DeadLetterRouting routing) {
        return routing.errorHandler();
    }

    /**
     * Store calls give up instead of hanging when the store cannot be reached: a request then
     * answers 503 with Retry-After (see ProblemDetailsAdvice) within seconds. The connect timeout
     * is also how long the driver's heartbeat waits for the store's answer before it counts the
     * store as gone and drops every connection: a store that is only slow for a few seconds (a
     * long collection, a busy moment) must not count as an outage.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer storeTimeouts(@Value("${fpr.store.server-selection-timeout:3s}") Duration selection,
                                                       @Value("${fpr.store.connect-timeout:10s}") Duration connect) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(selection.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) connect.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler() {
        return new ProblemWebExceptionHandler();
    }

    @Bean
    CorrelationIdFilter correlationIdFilter() {
        return new CorrelationIdFilter();
    }

    /** Request size limits (413): {@code fpr.web.max-request-size}, larger on the upload paths. */
    @Bean
    RequestSizeFilter requestSizeFilter(@Value("${fpr.web.max-request-size}") DataSize maxRequest,
                                        @Value("${fpr.web.max-upload-size}") DataSize maxUpload,
                                        @Value("${fpr.web.upload-paths}") List<String> uploadPaths) {
        return new RequestSizeFilter(maxRequest.toBytes(), maxUpload.toBytes(), uploadPaths);
    }

    /** Rate limits per client (429 with Retry-After): {@code fpr.web.rate-limit} requests a second. */
    @Bean
    ClientRateLimitFilter clientRateLimitFilter(@Value("${fpr.web.rate-limit}") int perSecond) {
        return new ClientRateLimitFilter(perSecond);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, OutboxProperties properties, KafkaClients kafka, AuditTrail auditTrail) {
        return OutboxStores.relay(mongo, () -> aggregateCollections(mongo), kafka, properties, auditTrail);
    }

    @Bean
    AuditTrail auditTrail(ReactiveMongoTemplate mongo, Clock clock) {
        return new AuditTrail(mongo, clock);
    }

    @Bean
    VersionIndexes versionIndexes(ReactiveMongoTemplate mongo) {
        return new VersionIndexes(mongo, () -> aggregateCollections(mongo));
    }

    @Bean
    @ConditionalOnMissingBean
    AggregateChanges aggregateChanges(ReactiveMongoTemplate mongo, OutboxRelay relay, StoreCircuit storeCircuit) {
        return new AggregateChanges(mongo, relay, storeCircuit);
    }

    private static List<String> aggregateCollections(ReactiveMongoTemplate mongo) {
        return mongo.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> AggregateRoot.class.isAssignableFrom(entity.getType()))
                .map(MongoPersistentEntity::getCollection)
                .distinct().sorted().toList();
    }
}
