package cn.fpr.bench;

import cn.fpr.contracts.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmarks, one a run: {@code mvn -B -q -pl services/benchmarks exec:java -Dbench=NAME}
 * after {@code mvn -B install -DskipTests} (the stack runs from the services' jars). Settings are
 * system properties ({@code -Dbench.signals=…}); each run prints the machine, its settings and
 * its results, and writes them as JSON under {@code services/benchmarks/target/bench/}.
 * See docs/performance.md.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : System.getProperty("bench", "help");
        Path root = Path.of(System.getProperty("maven.multiModuleProjectDirectory", System.getProperty("bench.root", ".")))
                .toAbsolutePath().normalize();
        Path out = root.resolve("services/benchmarks/target/bench");
        Report report = new Report(name);
        switch (name) {
            case "p1" -> p1(report, root, out);
            case "p2" -> p2(report, root, out);
            case "p3" -> p3(report, root, out);
            case "p4" -> p4(report, root, out);
            case "p5" -> p5(report, root, out);
            case "p6" -> p6(report, root, out);
            default -> {
                System.out.println("""
                        benchmarks (docs/performance.md), after mvn -B install -DskipTests:
                          mvn -B -q -pl services/benchmarks exec:java -Dbench=p1   monitoring pipeline throughput against raw Kafka and the raw driver,
                                                                                    and the stack's memory idle and under that load (P6)
                          mvn -B -q -pl services/benchmarks exec:java -Dbench=p2   latency at a rate: warning → case-opened, → a dashboard's SSE client
                                                                                    (-Dbench.rate=1000 -Dbench.seconds=10 -Dbench.households=1000)
                          mvn -B -q -pl services/benchmarks exec:java -Dbench=p3   a province's line raised: its households re-evaluated, against
                                                                                    a raw-driver read and write of the same documents
                                                                                    (-Dbench.households=1000000)
                          mvn -B -q -pl services/benchmarks exec:java -Dbench=p4   households imported from CSV, against a raw-driver bulk insert
                                                                                    of the same documents (-Dbench.households=1000000)
                          mvn -B -q -pl services/benchmarks exec:java -Dbench=p5   many dashboards on the live feed: fan-out latency
                                                                                    (-Dbench.clients=2000 -Dbench.rate=5 -Dbench.seconds=20)
                          mvn -B -q -pl services/benchmarks exec:java -Dbench=p6   the stack's memory, idle
                        settings: -Dbench.households=1000 -Dbench.signals=20000 -Dbench.timeout=1800 (seconds) -Dbench.profile=true (JFR of the busy processes)""");
                return;
            }
        }
        System.out.println("[bench] written to " + report.write(out));
    }

    /**
     * P1: signals in → assessment → store write → case-opened out, through the monitoring service
     * of the running stack; then, on the same broker and store, raw kafka-clients consume→produce
     * at the signals' record size and a raw-driver bulk upsert of monitoring's own household
     * documents. Also P6: the stack's resident memory idle and at its peak during the drive.
     */
    private static void p1(Report report, Path root, Path out) throws Exception {
        int households = Integer.getInteger("bench.households", 1000);
        int signals = Integer.getInteger("bench.signals", 20_000);
        Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.timeout", 1800));
        report.setting("households", households).setting("signals", signals).setting("timeoutSeconds", timeout.toSeconds())
                .setting("stack", "./run's local stack: KRaft broker, mongo-java-server (H2 file), issuer and five services as processes")
                .setting("rawStoreBatch", 1000)
                .setting("profile", System.getProperty("bench.profile", "true"));
        try (Pipeline pipeline = Pipeline.start(root, out.resolve("stack"))) {
            report.result("stackReadySeconds", pipeline.stack.startedIn().toSeconds());
            report.result("seedHouseholdsPerSecond", round(pipeline.seed(households, 20_211_225)));
            pipeline.awaitQuiet(Duration.ofMinutes(15));
            Thread.sleep(10_000);
            Map<String, Long> idle = pipeline.rss();
            report.result("idleRssMiB", Pipeline.total(idle)).result("idleRssByProcessMiB", idle);

            String topic = Topics.DEPARTMENT_SIGNALS.name();
            var records = pipeline.signals(signals, "p1-" + System.currentTimeMillis());
            long expectedCases = Math.min(pipeline.households().size(), signals);
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(Pipeline.total(pipeline.rss()), Math::max);
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            try (Pipeline.EventCounter opened = pipeline.counting("case-opened")) {
                boolean profile = Boolean.parseBoolean(System.getProperty("bench.profile", "true"));
                if (profile) {
                    for (var child : pipeline.profiled()) {
                        Profiles.start(child.process().pid());
                    }
                }
                Map<String, Double> cpuBefore = pipeline.cpu();
                double harnessBefore = Machine.cpuSeconds(ProcessHandle.current().pid());
                long start = System.nanoTime();
                int recordSize = pipeline.send(records);
                var ends = pipeline.endOffsets(topic);
                long deadline = start + timeout.toNanos();
                long behind;
                long cases;
                do {
                    cases = opened.poll();
                    behind = pipeline.behind(Pipeline.MONITORING_GROUP, ends);
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("monitoring did not apply the signals within " + timeout + ": " + behind
                                + " behind, " + cases + " of " + expectedCases + " case-opened");
                    }
                } while (behind > 0 || cases < expectedCases);
                double seconds = (System.nanoTime() - start) / 1e9;
                sampler.interrupt();
                // where the two cores went during the drive: each process's CPU seconds over the drive's wall seconds
                Map<String, Double> cpuShare = new LinkedHashMap<>();
                pipeline.cpu().forEach((process, used) -> cpuShare.put(process, round((used - cpuBefore.getOrDefault(process, 0.0)) / seconds)));
                cpuShare.put("benchmark harness", round((Machine.cpuSeconds(ProcessHandle.current().pid()) - harnessBefore) / seconds));
                report.result("cpuCoresUsedDuringP1", cpuShare);
                if (profile) {
                    for (var child : pipeline.profiled()) {
                        Path recording = Profiles.dump(child.process().pid(), out.resolve("profiles/p1-" + child.name() + ".jfr"));
                        report.result("profile " + child.name(), Profiles.hottest(recording, 12));
                    }
                }
                report.result("signalRecordBytes", recordSize)
                        .result("p1Seconds", round(seconds))
                        .result("p1SignalsPerSecond", round(signals / seconds))
                        .result("caseOpenedEvents", cases)
                        .result("peakRssDuringP1MiB", peak.get());
            }
            pipeline.awaitQuiet(Duration.ofMinutes(15));

            double kafka = new RawKafka(pipeline.brokers).consumeProduce(signals, report.result("signalRecordBytes") instanceof Integer size
                    ? size : 1024, pipeline.partitions(topic));
            Map<String, Double> store = new RawStore(pipeline.storeUri).bulkUpsert(pipeline.householdDocument(), signals, 1000);
            double p1 = (double) report.result("p1SignalsPerSecond");
            double slower = Math.min(kafka, store.get("update"));
            report.result("rawKafkaConsumeProducePerSecond", round(kafka))
                    .result("rawStoreBulkInsertPerSecond", round(store.get("insert")))
                    .result("rawStoreBulkUpdatePerSecond", round(store.get("update")))
                    .result("householdDocumentBytes", pipeline.householdDocument().toJson().length())
                    .result("p1ShareOfSlowerRawPart", round(p1 / slower))
                    .result("p1Target", "≥ 0.5 of the slower raw part")
                    .result("p6Target", "idle < 3072 MiB, during P1 < 4096 MiB");
        }
    }

    /**
     * P2: warnings at an even rate for some seconds, each household's first opening its case;
     * latency from the send to {@code case-opened} on the topic and to a dashboard's SSE client.
     */
    private static void p2(Report report, Path root, Path out) throws Exception {
        int households = Integer.getInteger("bench.households", 1000);
        int rate = Integer.getInteger("bench.rate", 1000);
        int seconds = Integer.getInteger("bench.seconds", 10);
        Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.timeout", 900));
        report.setting("households", households).setting("ratePerSecond", rate).setting("seconds", seconds)
                .setting("timeoutSeconds", timeout.toSeconds())
                .setting("stack", "./run's local stack: KRaft broker, mongo-java-server (H2 file), issuer and five services as processes");
        try (Pipeline pipeline = Pipeline.start(root, out.resolve("stack"))) {
            report.result("stackReadySeconds", pipeline.stack.startedIn().toSeconds());
            report.result("seedHouseholdsPerSecond", round(pipeline.seed(households, 20_211_226)));
            pipeline.awaitQuiet(Duration.ofMinutes(15));
            var records = pipeline.signals(rate * seconds, "p2-" + System.currentTimeMillis());
            new Latency(pipeline).run(records, rate, timeout).forEach(report::result);
            report.result("p2Target", "at 1,000 a second: to household-flagged p99 ≤ 50 ms, to an SSE client p99 ≤ 100 ms");
        }
    }

    /**
     * P3: a province's line raised by a tenth; every household of the province re-evaluated,
     * events for those that changed only; against a raw-driver read and write of the same
     * documents. The province is filled by copying households registered through the API.
     */
    private static void p3(Report report, Path root, Path out) throws Exception {
        int households = Integer.getInteger("bench.households", 1_000_000);
        int registered = Integer.getInteger("bench.registered", 100);
        Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.timeout", 7200));
        report.setting("householdsInProvince", households).setting("registeredThroughApi", registered)
                .setting("province", Reassessment.PROVINCE).setting("timeoutSeconds", timeout.toSeconds())
                .setting("stack", "./run's local stack: KRaft broker, mongo-java-server (H2 file), issuer and five services as processes");
        try (Pipeline pipeline = Pipeline.start(root, out.resolve("stack"))) {
            report.result("stackReadySeconds", pipeline.stack.startedIn().toSeconds());
            report.result("seedHouseholdsPerSecond", round(pipeline.seed(registered, 20_211_227)));
            pipeline.awaitQuiet(Duration.ofMinutes(5));
            new Reassessment(pipeline).run(households, timeout).forEach(report::result);
            report.result("p3Target", "1,000,000 households of a province re-evaluated in ≤ 60 s, and ≥ 0.7 of a raw-driver read and write");
        }
    }

    /** P4: households imported from one CSV file, the progress shown while it runs; against a raw-driver bulk insert of the same documents. */
    private static void p4(Report report, Path root, Path out) throws Exception {
        int households = Integer.getInteger("bench.households", 1_000_000);
        Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.timeout", 7200));
        report.setting("households", households).setting("timeoutSeconds", timeout.toSeconds())
                .setting("stack", "./run's local stack: KRaft broker, mongo-java-server (H2 file), issuer and five services as processes");
        try (Pipeline pipeline = Pipeline.start(root, out.resolve("stack"))) {
            report.result("stackReadySeconds", pipeline.stack.startedIn().toSeconds());
            new BulkImport(pipeline).run(households, out.resolve("p4-households.csv"), timeout).forEach(report::result);
            report.result("p4Target", "1,000,000 households in ≤ 120 s, or ≥ 0.7 of a raw-driver bulk insert of the same documents");
        }
    }

    /**
     * P5: {@code bench.clients} dashboards on consultation's live feed at once while warnings are
     * sent at {@code bench.rate} a second; how long each event takes to reach every client after
     * it reached the first (and after it was sent).
     */
    private static void p5(Report report, Path root, Path out) throws Exception {
        int clients = Integer.getInteger("bench.clients", 2000);
        int households = Integer.getInteger("bench.households", 100);
        int rate = Integer.getInteger("bench.rate", 5);
        int seconds = Integer.getInteger("bench.seconds", 20);
        Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.timeout", 300));
        report.setting("clients", clients).setting("households", households).setting("ratePerSecond", rate).setting("seconds", seconds)
                .setting("timeoutSeconds", timeout.toSeconds())
                .setting("stack", "./run's local stack: KRaft broker, mongo-java-server (H2 file), issuer and five services as processes");
        try (Pipeline pipeline = Pipeline.start(root, out.resolve("stack"))) {
            report.result("stackReadySeconds", pipeline.stack.startedIn().toSeconds());
            report.result("seedHouseholdsPerSecond", round(pipeline.seed(households, 20_211_226)));
            pipeline.awaitQuiet(Duration.ofMinutes(5));
            var records = pipeline.signals(rate * seconds, "p5-" + System.currentTimeMillis());
            new FanOut(pipeline).run(clients, records, rate, timeout).forEach(report::result);
            report.result("p5Target", "2,000 concurrent SSE clients: fan-out p99 ≤ 250 ms");
        }
    }

    /** P6 alone: the stack's resident memory once it is ready and has settled. */
    private static void p6(Report report, Path root, Path out) throws Exception {
        try (Pipeline pipeline = Pipeline.start(root, out.resolve("stack"))) {
            report.result("stackReadySeconds", pipeline.stack.startedIn().toSeconds());
            pipeline.awaitQuiet(Duration.ofMinutes(5));
            Thread.sleep(20_000);
            Map<String, Long> idle = pipeline.rss();
            report.result("idleRssMiB", Pipeline.total(idle)).result("idleRssByProcessMiB", idle)
                    .result("p6Target", "idle < 3072 MiB");
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
