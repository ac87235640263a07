package cn.fpr.bench;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P5: many dashboards on consultation's live feed at once. The clients connect (a hundred a
 * second, as a room of dashboards opening would, and under the per-client rate limit), then
 * department warnings are sent at an even rate; every client records when each arrives. The
 * fan-out latency of an arrival is its time after the event's first arrival at any client (the
 * spread of one event over all of them); the time from the send is reported besides.
 */
final class FanOut {

    private final Pipeline pipeline;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Long>> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();

    FanOut(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    Map<String, Object> run(int clients, List<ProducerRecord<String, byte[]>> records, int rate, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(pipeline.stack.url("consultation-service") + "/api/v1/events/stream"
                        + "?type=department-signal-received"))
                .header("Authorization", pipeline.token().header()).header("Accept", "text/event-stream").GET().build();
        List<CompletableFuture<?>> streams = new ArrayList<>(clients);
        long opening = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            streams.add(http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Client()))
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                    }));
            TimeUnit.MILLISECONDS.sleep(10);
        }
        // the service's own count: a stream's headers come with its first event, so a client cannot tell
        HttpRequest stats = HttpRequest.newBuilder(URI.create(pipeline.stack.url("consultation-service") + "/api/v1/events/stream/stats"))
                .header("Authorization", pipeline.stack.token("operator").header()).GET().build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String body = http.send(stats, HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"clients\"\\s*:\\s*(\\d+)").matcher(body);
            if (count.find()) {
                connected.set(Integer.parseInt(count.group(1)));
            }
            if (connected.get() + failed.get() >= clients) {
                break;
            }
            Thread.sleep(200);
        }
        double connectSeconds = (System.nanoTime() - opening) / 1e9;
        Thread.sleep(2000);
        int refused = failed.get();

        Map<String, Double> cpuBefore = pipeline.cpu();
        double harnessBefore = Machine.cpuSeconds(ProcessHandle.current().pid());
        long start = System.nanoTime();
        pipeline.sendAtRate(records, rate, (record, id) -> {
            arrivals.put(id, new ConcurrentLinkedQueue<>());
            sentAt.put(id, System.nanoTime());
        });
        long expected = (long) connected.get() * records.size();
        long end = System.nanoTime() + timeout.toNanos();
        while (received.get() < expected && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cpu = new LinkedHashMap<>();
        pipeline.cpu().forEach((process, used) -> cpu.put(process, Bench.round((used - cpuBefore.getOrDefault(process, 0.0)) / seconds)));
        cpu.put("benchmark harness", Bench.round((Machine.cpuSeconds(ProcessHandle.current().pid()) - harnessBefore) / seconds));
        Map<String, Long> rss = pipeline.rss();
        streams.forEach(stream -> stream.cancel(true));

        Histogram fanOut = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
        Histogram fromSend = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
        arrivals.forEach((id, times) -> {
            long first = times.stream().mapToLong(Long::longValue).min().orElse(0);
            long sent = sentAt.get(id);
            times.forEach(at -> {
                fanOut.recordValue(TimeUnit.NANOSECONDS.toMicros(at - first));
                fromSend.recordValue(TimeUnit.NANOSECONDS.toMicros(at - sent));
            });
        });
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("clientsConnected", connected.get());
        results.put("clientsRefused", refused);
        results.put("connectSeconds", Bench.round(connectSeconds));
        results.put("eventsSent", records.size());
        results.put("deliveriesExpected", expected);
        results.put("deliveriesArrived", received.get());
        results.put("fanOutMs", Latency.percentiles(fanOut, expected));
        results.put("sendToClientMs", Latency.percentiles(fromSend, expected));
        results.put("cpuCoresUsedWhileSending", cpu);
        results.put("rssWithClientsMiB", rss);
        return results;
    }

    /** One dashboard's stream: notes when each warning arrives. */
    private final class Client implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            if (line.startsWith("id:")) {
                ConcurrentLinkedQueue<Long> times = arrivals.get(line.substring(3).trim());
                if (times != null) {
                    times.add(now);
                    received.incrementAndGet();
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
