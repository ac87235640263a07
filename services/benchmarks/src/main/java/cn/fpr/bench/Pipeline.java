package cn.fpr.bench;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.Department;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.Topics;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.local.LocalStack;
import cn.fpr.simulator.AccessToken;
import cn.fpr.simulator.Counties;
import cn.fpr.simulator.EventRecords;
import cn.fpr.simulator.Synthetic;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Sorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The local stack of {@code ./run} (broker, store, issuer and the five services as processes, on
 * free ports), seeded through the monitoring API, and what the benchmarks need of it: signals onto
 * the departments' topic, consumer lag, the events out, and the processes' resident memory.
 */
final class Pipeline implements AutoCloseable {

    static final String MONITORING_GROUP = "monitoring-service";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final LocalStack stack;
    final String brokers;
    final String storeUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AccessToken token;
    private final List<String> households = Collections.synchronizedList(new ArrayList<>());

    private Pipeline(LocalStack stack, int kafkaPort, int storePort) {
        this.stack = stack;
        this.brokers = "localhost:" + kafkaPort;
        this.storeUri = "mongodb://localhost:" + storePort;
        this.token = stack.token("simulator");
    }

    /** Starts a fresh stack under {@code home} (its data from an earlier run is removed first). */
    static Pipeline start(Path root, Path home) throws Exception {
        LocalStack.deleteHome(home);
        Map<String, Integer> ports = new LinkedHashMap<>();
        LocalStack.SERVICES.keySet().forEach(service -> ports.put(service, LocalStack.freePort()));
        int kafkaPort = LocalStack.freePairOfPorts();
        int storePort = LocalStack.freePort();
        LocalStack stack = LocalStack.start(new LocalStack.Options(root, home, kafkaPort, storePort, ports, false, List.of(), 1,
                List.of(), LocalStack.freePort()));
        return new Pipeline(stack, kafkaPort, storePort);
    }

    /**
     * Registers households through {@code POST /api/v1/households}, a few at a time, as county
     * offices' systems would; returns how many a second. A synthetic ID number that happens to be
     * taken already is refused (422) and that household left out.
     */
    double seed(int count, long seed) throws InterruptedException {
        Synthetic synthetic = new Synthetic(new Random(seed));
        Semaphore inFlight = new Semaphore(4);
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = synthetic.household(Counties.ALL.get(i % Counties.ALL.size()), i);
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url("monitoring-service") + "/api/v1/households"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", token.header()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                inFlight.release();
                if (error == null && response.statusCode() == 201) {
                    households.add(JSON.readTree(response.body()).path("householdId").asString());
                } else {
                    refused.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        double rate = households.size() / ((System.nanoTime() - start) / 1e9);
        System.out.printf("[bench] seeded %d households (%d refused) at %.1f a second%n", households.size(), refused.get(), rate);
        return rate;
    }

    /** An API call to the monitoring service with a client's token; the answer, whatever its status. */
    HttpResponse<String> call(AccessToken caller, String method, String path, String json, Duration timeout) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url("monitoring-service") + path)).timeout(timeout)
                .header("Authorization", caller.header()).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The simulator's access token at the stack's issuer (its roles, the whole country). */
    AccessToken token() {
        return token;
    }

    List<String> households() {
        return List.copyOf(households);
    }

    /**
     * Department warnings that put a household at risk (low income, large medical costs), the
     * i-th for the (i mod households)-th household: its first opens a case (case-opened), the
     * others are linked to it. Each with its CloudEvents headers, keyed by household.
     */
    List<ProducerRecord<String, byte[]>> signals(int count, String run) {
        List<String> targets = households();
        LocalDate observed = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String household = targets.get(i % targets.size());
            DepartmentSignalReceived event = new DepartmentSignalReceived(run + "-" + i, household, Department.MEDICAL_INSURANCE,
                    RiskType.ILLNESS, observed, BigDecimal.valueOf(3000), BigDecimal.valueOf(40000),
                    "inpatient treatment, large out-of-pocket costs (benchmark " + run + ")");
            EventEnvelope<DepartmentSignalReceived> envelope = EventEnvelope.of(run + "-signal-" + i, "/departments/medical-insurance",
                    Instant.now(), run + "-corr-" + i, event);
            records.add(EventRecords.of(envelope, EventCodec.encode(event)));
        }
        return records;
    }

    /**
     * Sends the records at an even {@code rate} a second, telling {@code sending} the event ID of
     * each just before it goes; returns how long the sending took, in seconds.
     */
    double sendAtRate(List<ProducerRecord<String, byte[]>> records, int rate,
                      BiConsumer<ProducerRecord<String, byte[]>, String> sending) throws InterruptedException {
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new RawKafka(brokers).producer()) {
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            for (int i = 0; i < records.size(); i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                ProducerRecord<String, byte[]> record = records.get(i);
                sending.accept(record, new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Sends records and waits until the broker has acknowledged every one; returns the average record size in bytes. */
    int send(List<ProducerRecord<String, byte[]>> records) {
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer = new RawKafka(brokers).producer()) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record);
                bytes += record.value().length + record.key().length();
                for (var header : record.headers()) {
                    bytes += header.key().length() + header.value().length;
                }
            }
            producer.flush();
        }
        return (int) (bytes / Math.max(1, records.size()));
    }

    /** The end offset of every partition of a topic now. */
    Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = admin()) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    /** Records a consumer group has yet to commit on a topic, against the given end offsets. */
    long behind(String group, Map<TopicPartition, Long> ends) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                behind += end.getValue() - (at == null ? 0 : at.offset());
            }
            return behind;
        }
    }

    /** Whether every consumer group of the stack has committed every partition it reads to its end. */
    long totalLag() throws Exception {
        try (Admin admin = admin()) {
            long lag = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
                for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
                }
            }
            return lag;
        }
    }

    /** Waits until no consumer group is behind (and stays so for a second); returns how long it took. */
    Duration awaitQuiet(Duration atMost) throws Exception {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (totalLag() == 0) {
                Thread.sleep(1000);
                if (totalLag() == 0) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the stack's consumers did not catch up within " + atMost);
    }

    /** A reader of the household topic from the given offsets, counting the events of one type. */
    final class EventCounter implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final String type;
        private long counted;

        EventCounter(String type, Map<TopicPartition, Long> from) {
            this.type = type;
            this.consumer = new RawKafka(brokers).consumer("bench-counter-" + System.nanoTime());
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
        }

        long poll() {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                var header = record.headers().lastHeader(CloudEventHeaders.TYPE);
                if (header != null && type.equals(new String(header.value(), StandardCharsets.UTF_8))) {
                    counted++;
                }
            }
            return counted;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    EventCounter counting(String type) throws Exception {
        return new EventCounter(type, endOffsets(Topics.HOUSEHOLD.name()));
    }

    /** The largest household document in monitoring's store: the shape the pipeline writes. */
    Document householdDocument() {
        try (MongoClient client = MongoClients.create(storeUri)) {
            Document largest = null;
            for (Document document : client.getDatabase("monitoring").getCollection("households").find().sort(Sorts.ascending("_id"))
                    .limit(200)) {
                if (largest == null || document.toJson().length() > largest.toJson().length()) {
                    largest = document;
                }
            }
            return largest;
        }
    }

    /** Resident memory of every process of the stack, in MiB, by name. */
    Map<String, Long> rss() {
        Map<String, Long> rss = new LinkedHashMap<>();
        stack.children().forEach(child -> rss.put(child.name(), Machine.rssMiB(child.process().pid())));
        return rss;
    }

    /** The processes worth profiling under the pipeline's load: the broker, the store, monitoring and consultation. */
    List<LocalStack.Child> profiled() {
        return stack.children().stream().filter(child -> List.of("kafka", "store", "monitoring-service", "consultation-service")
                .contains(child.name())).toList();
    }

    /** CPU seconds every process of the stack has used so far, by name. */
    Map<String, Double> cpu() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        stack.children().forEach(child -> cpu.put(child.name(), Machine.cpuSeconds(child.process().pid())));
        return cpu;
    }

    static long total(Map<String, Long> rss) {
        return rss.values().stream().mapToLong(Long::longValue).sum();
    }

    int partitions(String topic) throws Exception {
        return endOffsets(topic).size();
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    @Override
    public void close() {
        stack.close();
    }
}
