package cn.fpr.faults;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.Department;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import cn.fpr.simulator.EventRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Departments' warnings onto the signals topic, as their systems would send them (CloudEvents
 * headers, keyed by household), at an even pace; 1% of the records are poison (bad JSON, a payload
 * breaking the schema, an unknown event type) and 5% are delivered twice, half at once (as a
 * producer retry would) and half later (as a department replaying a day's batch would).
 */
final class SignalStream {

    enum Poison { BAD_JSON, WRONG_SCHEMA, UNKNOWN_TYPE }

    static final double POISON_SHARE = 0.01;
    static final double DUPLICATE_SHARE = 0.05;
    static final String[][] SCENARIOS = {
            {"MEDICAL_INSURANCE", "ILLNESS"}, {"EDUCATION", "SCHOOLING"}, {"EMERGENCY_MANAGEMENT", "NATURAL_DISASTER"},
            {"HUMAN_RESOURCES", "UNSTABLE_EMPLOYMENT"}, {"HOUSING", "OTHER"}, {"WATER", "OTHER"},
            {"DISABLED_PERSONS_FEDERATION", "DISABILITY"}, {"CIVIL_AFFAIRS", "OTHER"}};

    private final String brokers;
    private final int count;
    private final Random random;
    private final List<String> households;
    private final Supplier<LocalDate> today;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, Poison> poison = new ConcurrentHashMap<>();
    private final Set<String> poisonAcknowledged = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<ProducerRecord<String, byte[]>> failed = new ConcurrentLinkedQueue<>();
    private final List<ProducerRecord<String, byte[]>> later = new ArrayList<>();
    private final AtomicLong duplicatesSent = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();

    SignalStream(String brokers, FaultRun.Settings settings, Random random, List<String> households, Supplier<LocalDate> today) {
        this.brokers = brokers;
        this.count = settings.signals();
        this.random = random;
        this.households = households;
        this.today = today;
    }

    /** Sends every signal over about {@code drive}, then the late duplicates, and waits until the broker acknowledged all. */
    void send(Duration drive) {
        long pauseNanos = drive.toNanos() / count;
        long next = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < count; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Http.pause(wait / 1_000_000);
                }
                next += pauseNanos;
                if (random.nextDouble() < POISON_SHARE) {
                    Poison kind = Poison.values()[poison.size() % Poison.values().length];
                    String id = "poison-" + i;
                    poison.put(id, kind);
                    producer.send(poisonRecord(id, kind), (metadata, error) -> {
                        if (error == null) {
                            poisonAcknowledged.add(id);
                        }
                    });
                    continue;
                }
                ProducerRecord<String, byte[]> record = signal(i);
                send(producer, record);
                if (random.nextDouble() < DUPLICATE_SHARE) {
                    if (random.nextBoolean()) {
                        send(producer, record);
                        duplicatesSent.incrementAndGet();
                    } else {
                        later.add(record);
                    }
                }
                if (later.size() >= 50) {
                    replayLater(producer);
                }
                resendFailed(producer);
            }
            replayLater(producer);
            producer.flush();
            while (!failed.isEmpty()) {
                resendFailed(producer);
                producer.flush();
            }
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
        String id = header(record, CloudEventHeaders.ID);
        producer.send(record, (metadata, error) -> {
            if (error == null) {
                acknowledged.add(id);
            } else {
                failed.add(record);   // a department's system sends what was not acknowledged again
            }
        });
    }

    private void resendFailed(KafkaProducer<String, byte[]> producer) {
        ProducerRecord<String, byte[]> record;
        while ((record = failed.poll()) != null) {
            resent.incrementAndGet();
            send(producer, record);
        }
    }

    private void replayLater(KafkaProducer<String, byte[]> producer) {
        later.forEach(record -> send(producer, record));
        duplicatesSent.addAndGet(later.size());
        later.clear();
    }

    private ProducerRecord<String, byte[]> signal(int sequence) {
        String[] scenario = SCENARIOS[random.nextInt(SCENARIOS.length)];
        String household = households.get(random.nextInt(households.size()));
        BigDecimal income = BigDecimal.valueOf(3000L + random.nextInt(30000));
        BigDecimal rigid = scenario[1].equals("ILLNESS") || scenario[1].equals("NATURAL_DISASTER")
                ? BigDecimal.valueOf(10_000L + random.nextInt(60_000)) : BigDecimal.ZERO;
        LocalDate observed = today.get().minusDays(1);
        DepartmentSignalReceived event = new DepartmentSignalReceived("ft-" + sequence, household, Department.valueOf(scenario[0]),
                RiskType.valueOf(scenario[1]), observed, income, rigid, "fault-injection signal " + sequence);
        return record("signal-" + sequence, household, scenario[0], event, EventCodec.encode(event));
    }

    private ProducerRecord<String, byte[]> poisonRecord(String id, Poison kind) {
        String household = households.get(random.nextInt(households.size()));
        DepartmentSignalReceived event = new DepartmentSignalReceived("ft-" + id, household, Department.CIVIL_AFFAIRS, RiskType.OTHER,
                today.get().minusDays(1), BigDecimal.valueOf(5000), BigDecimal.ZERO, "poison");
        byte[] valid = EventCodec.encode(event);
        ProducerRecord<String, byte[]> record = switch (kind) {
            case BAD_JSON -> record(id, household, "CIVIL_AFFAIRS", event,
                    new String(valid, StandardCharsets.UTF_8).substring(0, 40).getBytes(StandardCharsets.UTF_8));
            case WRONG_SCHEMA -> {
                ObjectNode json = (ObjectNode) Http.JSON.readTree(valid);
                json.remove("householdId");
                json.put("riskType", "SUNSPOTS");
                yield record(id, household, "CIVIL_AFFAIRS", event, Http.JSON.writeValueAsBytes(json));
            }
            case UNKNOWN_TYPE -> record(id, household, "CIVIL_AFFAIRS", event, valid);
        };
        if (kind == Poison.UNKNOWN_TYPE) {
            record.headers().remove(CloudEventHeaders.TYPE);
            record.headers().add(CloudEventHeaders.TYPE, "department-signal-rescinded".getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private ProducerRecord<String, byte[]> record(String id, String household, String department, DepartmentSignalReceived event,
                                                  byte[] value) {
        EventEnvelope<DepartmentSignalReceived> envelope = EventEnvelope.of(id, "/departments/" + department.toLowerCase().replace('_', '-'),
                event.observedOn().atStartOfDay().toInstant(ZoneOffset.UTC), "ft-corr-" + id, event);
        return EventRecords.of(envelope, value);
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                // ride through the broker's restart rather than fail the sends
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000), new StringSerializer(), new ByteArraySerializer());
    }

    static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** The signals the broker acknowledged (each counted once, however often it was sent). */
    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** Every poison record sent, acknowledged or not (one whose acknowledgement was lost may still be on the topic). */
    Set<String> poisonSent() {
        return Set.copyOf(poison.keySet());
    }

    /** The poison records the broker acknowledged, by kind. */
    Map<String, Poison> poison() {
        Map<String, Poison> sent = new TreeMap<>();
        poison.forEach((id, kind) -> {
            if (poisonAcknowledged.contains(id)) {
                sent.put(id, kind);
            }
        });
        return sent;
    }

    long duplicatesSent() {
        return duplicatesSent.get();
    }

    long resent() {
        return resent.get();
    }

    String summary() {
        return acknowledged.size() + " signals, " + poison().size() + " poison records, " + duplicatesSent.get() + " duplicates, "
                + resent.get() + " sent again after a failed send";
    }
}
