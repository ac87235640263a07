package cn.fpr.bench;

import cn.fpr.contracts.CloudEventHeaders;
import cn.fpr.contracts.Topics;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * P2: department warnings sent at an even rate; for each, how long until monitoring's
 * {@code case-opened} for its household is on the topic (the household's first warning), and
 * until a dashboard's SSE client of consultation's live feed receives it (every warning).
 * Latencies in HdrHistogram, from the send to the arrival, on this one machine's clock.
 */
final class Latency {

    private final Pipeline pipeline;
    private final Histogram caseOpened = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
    private final Histogram toDashboard = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
    private final Map<String, Long> sentAtByHousehold = new ConcurrentHashMap<>();
    private final Map<String, Long> sentAtByEvent = new ConcurrentHashMap<>();

    Latency(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Sends the records at {@code rate} a second and waits (at most {@code timeout}) for every one to arrive both ways. */
    Map<String, Object> run(List<ProducerRecord<String, byte[]>> records, int rate, Duration timeout) throws Exception {
        AtomicBoolean reading = new AtomicBoolean(true);
        long households = records.stream().map(ProducerRecord::key).distinct().count();
        var from = pipeline.endOffsets(Topics.HOUSEHOLD.name());
        Thread events = new Thread(() -> readCaseOpened(from, reading), "case-opened-reader");
        Thread dashboard = new Thread(() -> readFeed(reading), "sse-client");
        for (Thread reader : List.of(events, dashboard)) {
            reader.setDaemon(true);
            reader.start();
        }
        Thread.sleep(3000);   // both readers are in place before the first warning
        double sendSeconds = pipeline.sendAtRate(records, rate, (record, id) -> {
            long now = System.nanoTime();
            sentAtByHousehold.putIfAbsent(record.key(), now);
            sentAtByEvent.put(id, now);
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((caseOpened.getTotalCount() < households || toDashboard.getTotalCount() < records.size()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        reading.set(false);
        events.join(5000);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("sentPerSecond", Bench.round(records.size() / sendSeconds));
        results.put("signalToCaseOpenedMs", percentiles(caseOpened, households));
        results.put("signalToDashboardSseMs", percentiles(toDashboard, records.size()));
        return results;
    }

    /** Monitoring's events on the household topic, read as they come: the time from a household's first warning to its case-opened. */
    private void readCaseOpened(Map<TopicPartition, Long> from, AtomicBoolean reading) {
        try (KafkaConsumer<String, byte[]> consumer = new RawKafka(pipeline.brokers).consumer("bench-p2-" + System.nanoTime())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            while (reading.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    var type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                    if (type != null && "case-opened".equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        Long sent = sentAtByHousehold.remove(record.key());
                        if (sent != null) {
                            synchronized (caseOpened) {
                                caseOpened.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent));
                            }
                        }
                    }
                }
            }
        }
    }

    /** A dashboard's SSE client of the live feed, recording when each of the warnings sent arrives. */
    private void readFeed(AtomicBoolean reading) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(pipeline.stack.url("consultation-service") + "/api/v1/events/stream"
                        + "?type=department-signal-received"))
                .header("Authorization", pipeline.token().header()).header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = response.body()) {
                lines.takeWhile(line -> reading.get()).filter(line -> line.startsWith("id:")).forEach(line -> {
                    Long sent = sentAtByEvent.remove(line.substring(3).trim());
                    if (sent != null) {
                        toDashboard.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent));
                    }
                });
            }
        } catch (Exception e) {
            System.out.println("[bench] the SSE client stopped: " + e);
        }
    }

    static Map<String, Object> percentiles(Histogram histogram, long expected) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("arrived", histogram.getTotalCount());
        summary.put("expected", expected);
        summary.put("p50", millis(histogram.getValueAtPercentile(50)));
        summary.put("p99", millis(histogram.getValueAtPercentile(99)));
        summary.put("p99.9", millis(histogram.getValueAtPercentile(99.9)));
        summary.put("max", millis(histogram.getMaxValue()));
        return summary;
    }

    private static double millis(long micros) {
        return Bench.round(micros / 1000.0);
    }
}
