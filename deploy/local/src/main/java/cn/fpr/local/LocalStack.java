package cn.fpr.local;

import cn.fpr.simulator.AccessToken;
import cn.fpr.store.StoreServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole system on one machine, each part its own process: an Apache Kafka broker in KRaft
 * mode (storage formatted on first start), mongo-java-server on an H2 file (data kept across
 * restarts), the five services from their executable jars, each with its own database, and the
 * simulator of departmental systems. Waits for every health check, then prints where everything
 * is; stopping it (Ctrl-C, or {@code ./run stop}) stops every process it started.
 */
public final class LocalStack implements AutoCloseable {

    /** The token issuer, started before the services; its usual port is 9000. */
    public static final String ISSUER = "token-issuer";

    /** The services in start order, with their usual ports (consultation serves the dashboard). */
    public static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("monitoring-service", 8081);
        SERVICES.put("industry-service", 8082);
        SERVICES.put("employment-service", 8083);
        SERVICES.put("cooperation-service", 8084);
        SERVICES.put("consultation-service", 8080);
    }

    /** The settings the local stack gives every service (docker-compose.yml and the Kubernetes manifests set them too). */
    static final List<String> SERVICE_KEYS = List.of("spring.mongodb.uri", "spring.cloud.stream.kafka.binder.brokers");
    /** The token issuer as the services know it: the name its tokens carry, and where its keys are. */
    static final List<String> SECURITY_KEYS = List.of("fpr.security.issuer", "fpr.security.jwk-set-uri");

    /** JVM settings of a service process, chosen for a 2-core machine with the whole stack under 3 GiB (see README). */
    static final List<String> SERVICE_JVM = List.of("-Xms32m", "-Xmx224m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=192m", "-XX:MaxDirectMemorySize=64m", "-XX:+ExitOnOutOfMemoryError");

    /**
     * {@link #SERVICE_JVM} with the heap of {@code -Dfpr.local.service-heap} when it is set: the full
     * fault run's households, which keep their whole history, need more than the 224 MB of a demonstration.
     */
    static List<String> serviceJvm() {
        String heap = System.getProperty("fpr.local.service-heap", "");
        return heap.isBlank() ? SERVICE_JVM
                : SERVICE_JVM.stream().map(option -> option.startsWith("-Xmx") ? "-Xmx" + megabytes(heap) + "m" : option).toList();
    }

    /**
     * How to run it.
     *
     * @param root          the repository (the services' jars are under it)
     * @param home          where data, logs and process IDs are kept
     * @param kafkaPort     the broker's port (its controller listens on the next one)
     * @param storePort     the store's port
     * @param servicePorts  each service's port
     * @param simulator     whether to run the simulator of departmental systems
     * @param simulatorArgs extra simulator options (rate, duration, households)
     * @param clockSpeed    how much faster than the wall the services' clock runs (1: real time)
     * @param serviceArgs   further settings given to every service ({@code --name=value})
     * @param issuerPort    the token issuer's port
     */
    public record Options(Path root, Path home, int kafkaPort, int storePort, Map<String, Integer> servicePorts, boolean simulator,
                          List<String> simulatorArgs, long clockSpeed, List<String> serviceArgs, int issuerPort) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                given.put(pair[0], pair.length > 1 ? pair[1] : "true");
            }
            Path root = Path.of(given.getOrDefault("root", ".")).toAbsolutePath().normalize();
            List<String> simulatorArgs = new ArrayList<>();
            for (String option : List.of("rate", "duration", "households")) {
                if (given.containsKey(option)) {
                    simulatorArgs.add("--" + option + "=" + given.get(option));
                }
            }
            return new Options(root, root.resolve(given.getOrDefault("home", ".fpr-local")),
                    Integer.parseInt(given.getOrDefault("kafka-port", "9092")), Integer.parseInt(given.getOrDefault("store-port", "27017")),
                    SERVICES, !given.containsKey("no-simulator"), simulatorArgs,
                    Long.parseLong(given.getOrDefault("clock-speed", "1440")), List.of(),
                    Integer.parseInt(given.getOrDefault("issuer-port", "9000")));
        }
    }

    private final Options options;
    private final Path logs;
    private final List<Child> children = Collections.synchronizedList(new ArrayList<>());
    /** The parts ended by {@link #stopPart} and not yet started again. */
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Instant started = Instant.now();
    private final Instant clockOrigin = started;
    private volatile Instant clockStart;
    private volatile boolean closing;
    private LocalIssuer issuer;

    /** A process this stack started, and the command and environment that started it (to start it again). */
    public record Child(String name, Process process, Path log, List<String> command, Map<String, String> environment) {
    }

    private LocalStack(Options options) {
        this.options = options;
        this.logs = options.home().resolve("logs");
    }

    /** Starts everything and returns when every part reports ready. */
    public static LocalStack start(Options options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | IOException | InterruptedException e) {
            stack.close();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private void startAll() throws IOException, InterruptedException {
        Files.createDirectories(logs);
        stopLeftovers();
        for (int port : Stream.concat(Stream.of(options.kafkaPort(), options.kafkaPort() + 1, options.storePort(), options.issuerPort()),
                options.servicePorts().values().stream()).toList()) {
            requireFree(port);
        }
        String classpath = classpath(options.root());
        progress("starting the Kafka broker (KRaft) and the store (mongo-java-server, H2 file) …");
        Path kafkaConfig = kafkaConfig();
        if (!Files.exists(options.home().resolve("kafka/meta.properties"))) {
            run("kafka-format", List.of(java(), "-Xmx128m", "-cp", classpath, "kafka.tools.StorageTool", "format",
                    "-t", Uuid.randomUuid().toString(), "-c", kafkaConfig.toString()));
        }
        spawn("kafka", List.of(java(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dkafka.logs.dir=" + logs, "-cp", classpath, "kafka.Kafka", kafkaConfig.toString()));
        // the store is the busiest process under load (it deserialises documents): full JIT compilation, unlike the others,
        // heap room for large household documents (docs/reliability.md, "Full run"), more for a benchmark's million
        // households (-Dfpr.local.store-heap), a young generation of 256 MB (left to size itself it stayed under 100 MB
        // and collected 22 times a second under the full fault run's load), and its collections logged: a long pause
        // stalls every service at once
        long storeHeap = megabytes(System.getProperty("fpr.local.store-heap", "1g"));
        long young = Math.min(256, storeHeap / 4);
        spawn("store", List.of(java(), "-Xms" + Math.min(storeHeap, young + 128) + "m", "-Xmn" + young + "m", "-Xmx" + storeHeap + "m",
                "-XX:+UseSerialGC",
                "-XX:ReservedCodeCacheSize=64m", "-Xlog:gc:file=" + logs.resolve("store-gc-%p.log") + ":uptime,time", "-cp", classpath,
                StoreServer.class.getName(), Integer.toString(options.storePort()), options.home().resolve("store/fpr.mv.db").toString()));
        issuer = LocalIssuer.in(options.home());
        List<String> issuerCommand = new ArrayList<>(List.of(java()));
        issuerCommand.addAll(SERVICE_JVM);
        issuerCommand.addAll(List.of("-jar", jar(options.root(), ISSUER).toString()));
        issuerCommand.addAll(issuer.arguments(options.issuerPort(), url("consultation-service") + "/"));
        spawn(ISSUER, issuerCommand);
        awaitBroker();
        progress("Kafka broker ready on localhost:%d", options.kafkaPort());
        awaitPort("store", options.storePort());
        progress("store ready on localhost:%d", options.storePort());

        clockStart = clockStart();
        for (Map.Entry<String, Integer> service : options.servicePorts().entrySet()) {
            List<String> command = new ArrayList<>();
            command.add(java());
            command.addAll(serviceJvm());
            command.add("-Djava.io.tmpdir=" + Files.createDirectories(options.home().resolve("tmp")));
            command.addAll(List.of("-jar", jar(options.root(), service.getKey()).toString(),
                    "--server.port=" + service.getValue(),
                    "--" + SERVICE_KEYS.get(0) + "=mongodb://localhost:" + options.storePort() + "/" + database(service.getKey()),
                    "--" + SERVICE_KEYS.get(1) + "=localhost:" + options.kafkaPort(),
                    "--fpr.clock.speed=" + options.clockSpeed(),
                    "--" + SECURITY_KEYS.get(0) + "=" + issuerUrl(), "--" + SECURITY_KEYS.get(1) + "=" + issuerUrl() + "/oauth2/jwks"));
            if (options.clockSpeed() > 1) {
                command.addAll(List.of("--fpr.clock.origin=" + clockOrigin, "--fpr.clock.start=" + clockStart));
            }
            command.addAll(options.serviceArgs());
            spawn(service.getKey(), command);
        }
        awaitServices();
        awaitReady(ISSUER);
        progress("%-21s ready on %s", ISSUER, issuerUrl());
        if (options.simulator()) {
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", classpath, "cn.fpr.simulator.Simulator",
                    "--kafka=localhost:" + options.kafkaPort(),
                    "--monitoring=" + url("monitoring-service"), "--employment=" + url("employment-service"),
                    "--cooperation=" + url("cooperation-service"),
                    "--state=" + options.home(), "--clock-speed=" + options.clockSpeed(), "--clock-origin=" + clockOrigin,
                    "--clock-start=" + clockStart, "--issuer=" + issuerUrl(), "--client-id=simulator"));
            command.addAll(options.simulatorArgs());
            spawn("simulator", command, Map.of("FPR_CLIENT_SECRET", issuer.secret("simulator")));
            progress("simulator of departmental systems started (log: %s)", logs.resolve("simulator.log"));
        }
    }

    /**
     * Ends one part at once, as a power cut or the kernel's OOM killer would ({@code kill -9}), or
     * asks it to stop ({@code SIGTERM}) and waits; then starts it again with the same command and
     * returns when it reports ready. For the fault-injection suite.
     *
     * @return how long the part took from the moment it ended until it was ready again
     */
    public Duration restart(String name, boolean kill) throws IOException, InterruptedException {
        stopPart(name, kill);
        Instant ended = Instant.now();
        startAgain(name);
        return Duration.between(ended, Instant.now());
    }

    /** Ends one part ({@code SIGTERM}, or {@code kill -9}) and leaves it down until {@link #startAgain}. */
    public void stopPart(String name, boolean kill) throws InterruptedException {
        Child child = child(name);
        stopped.add(name);
        if (kill) {
            child.process().destroyForcibly();
        } else {
            child.process().destroy();
        }
        if (!child.process().waitFor(60, TimeUnit.SECONDS)) {
            child.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Fails naming every part that ended on its own (not by {@link #stopPart}): a service out of
     * memory, say, which nothing would start again.
     */
    public void requireRunning() {
        List<String> ended;
        synchronized (children) {
            ended = children.stream().filter(child -> !child.process().isAlive() && !stopped.contains(child.name()))
                    .map(child -> child.name() + " (exit status " + child.process().exitValue() + ", log " + child.log() + ")").toList();
        }
        if (!ended.isEmpty()) {
            throw new IllegalStateException("ended on its own: " + String.join(", ", ended));
        }
    }

    /** Starts a part ended by {@link #stopPart} again with its command; returns when it is ready. */
    public void startAgain(String name) throws IOException, InterruptedException {
        Child child = child(name);
        if (child.process().isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        children.remove(child);
        spawn(name, child.command(), child.environment());
        stopped.remove(name);
        switch (name) {
            case "kafka" -> awaitBroker();
            case "store" -> awaitPort("store", options.storePort());
            default -> awaitReady(name);
        }
    }

    private Child child(String name) {
        synchronized (children) {
            return children.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no part named " + name));
        }
    }

    private void awaitReady(String service) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(240);
        while (!ready(service)) {
            alive(service);
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(service + " did not become ready; see " + logs.resolve(service + ".log"));
            }
            Thread.sleep(250);
        }
    }

    /** The services' clock now: the demonstration clock they were given (the wall clock at speed 1). */
    public Instant servicesNow() {
        Instant start = clockStart == null ? clockOrigin : clockStart;
        return start.plus(Duration.between(clockOrigin, Instant.now()).multipliedBy(options.clockSpeed()));
    }

    /** The address of a running service (or of the token issuer). */
    public String url(String service) {
        return ISSUER.equals(service) ? issuerUrl() : "http://localhost:" + options.servicePorts().get(service);
    }

    public String issuerUrl() {
        return LocalIssuer.address(options.issuerPort());
    }

    /** An access token of one of the local issuer's clients ({@link LocalIssuer#CLIENTS}), as its system would get it. */
    public AccessToken token(String clientId) {
        return new AccessToken(http, issuerUrl(), clientId, issuer.secret(clientId));
    }

    public List<Child> children() {
        return List.copyOf(children);
    }

    public Duration startedIn() {
        return Duration.between(started, Instant.now());
    }

    /** Stops the simulator, then the services, then the store and the broker; waits for each. */
    @Override
    public void close() {
        closing = true;
        saveClock();
        List<Child> running = new ArrayList<>(children);
        Collections.reverse(running);
        List<List<Child>> waves = List.of(
                running.stream().filter(c -> c.name().equals("simulator")).toList(),
                running.stream().filter(c -> options.servicePorts().containsKey(c.name()) || c.name().equals(ISSUER)).toList(),
                running.stream().filter(c -> c.name().equals("store")).toList(),
                running.stream().filter(c -> c.name().equals("kafka")).toList());
        for (List<Child> wave : waves) {
            wave.forEach(child -> child.process().destroy());
            for (Child child : wave) {
                try {
                    if (!child.process().waitFor(30, TimeUnit.SECONDS)) {
                        child.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    child.process().destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
        children.clear();
        try {
            Files.deleteIfExists(options.home().resolve("children.pids"));
        } catch (IOException ignored) {
            // nothing left to stop
        }
    }

    private void spawn(String name, List<String> command) throws IOException {
        spawn(name, command, Map.of());
    }

    private void spawn(String name, List<String> command, Map<String, String> environment) throws IOException {
        if (closing) {
            throw new IllegalStateException("stopping");
        }
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        children.add(new Child(name, process, log, List.copyOf(command), Map.copyOf(environment)));
        Files.writeString(options.home().resolve("children.pids"),
                children.stream().map(c -> Long.toString(c.process().pid())).collect(Collectors.joining("\n")));
    }

    private void run(String name, List<String> command) throws IOException, InterruptedException {
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(name + " failed; see " + log);
        }
    }

    /** Processes of an earlier run that was killed without stopping them. */
    private void stopLeftovers() throws IOException {
        Path pids = options.home().resolve("children.pids");
        if (!Files.exists(pids)) {
            return;
        }
        for (String line : Files.readAllLines(pids)) {
            ProcessHandle.of(Long.parseLong(line.trim())).filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().commandLine().map(c -> c.contains("java")).orElse(false))
                    .ifPresent(handle -> {
                        progress("stopping process %d left over from an earlier run", handle.pid());
                        handle.destroy();
                        handle.onExit().completeOnTimeout(handle, 30, TimeUnit.SECONDS).join();
                    });
        }
        Files.delete(pids);
    }

    private void awaitBroker() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + options.kafkaPort(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            while (true) {
                alive("kafka");
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("the Kafka broker did not start; see " + logs.resolve("kafka.log"));
                    }
                    Thread.sleep(500);
                }
            }
        }
    }

    private void awaitPort(String name, int port) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            alive(name);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(name + " did not start; see " + logs.resolve(name + ".log"));
                }
                Thread.sleep(300);
            }
        }
    }

    /** Waits for every service's readiness check, showing which are still starting. */
    private void awaitServices() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(240);
        List<String> waiting = new ArrayList<>(options.servicePorts().keySet());
        Instant nextNote = Instant.now().plusSeconds(5);
        while (!waiting.isEmpty()) {
            for (String service : List.copyOf(waiting)) {
                alive(service);
                if (ready(service)) {
                    waiting.remove(service);
                    progress("%-21s ready on %s", service, url(service));
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(waiting + " did not become ready; see their logs in " + logs);
            }
            if (Instant.now().isAfter(nextNote)) {
                progress("waiting for %s", String.join(", ", waiting));
                nextNote = Instant.now().plusSeconds(10);
            }
            Thread.sleep(500);
        }
    }

    private boolean ready(String service) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url(service) + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void alive(String name) {
        children.stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(child -> {
            if (!child.process().isAlive()) {
                throw new IllegalStateException(name + " exited with " + child.process().exitValue() + "; see " + child.log());
            }
        });
    }

    private Path kafkaConfig() throws IOException {
        Path dir = Files.createDirectories(options.home().resolve("kafka"));
        int port = options.kafkaPort();
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + (port + 1),
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + (port + 1),
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir,
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=720",
                "");
        Path file = options.home().resolve("kafka-server.properties");
        Files.writeString(file, config);
        return file;
    }

    /** The services' clock at this start: where the last run left it (kept in clock-resume), or now on the first start. */
    private Instant clockStart() throws IOException {
        Path file = options.home().resolve("clock-resume");
        return Files.exists(file) ? Instant.parse(Files.readString(file).trim()) : clockOrigin;
    }

    /** Remembers where the services' clock stands, so that the next start goes on from there (not from the wall). */
    private void saveClock() {
        if (clockStart == null || options.clockSpeed() == 1) {
            return;
        }
        Duration elapsed = Duration.between(clockOrigin, Instant.now()).multipliedBy(options.clockSpeed());
        try {
            Files.writeString(options.home().resolve("clock-resume"), clockStart.plus(elapsed).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JVM memory size ({@code 1g}, {@code 512m}, {@code 512}) in megabytes. */
    static long megabytes(String size) {
        String value = size.trim().toLowerCase(Locale.ROOT);
        char unit = value.charAt(value.length() - 1);
        long number = Long.parseLong(Character.isDigit(unit) ? value : value.substring(0, value.length() - 1));
        return switch (unit) {
            case 'g' -> number * 1024;
            case 'k' -> Math.max(1, number / 1024);
            default -> number;
        };
    }

    /** A service's executable jar, built in the repository at {@code root}. */
    static Path jar(Path root, String service) throws IOException {
        Path target = root.resolve("services").resolve(service).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            Optional<Path> jar = files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst();
            return jar.orElseThrow(() -> new IllegalStateException("no executable jar in " + target + "; build first: mvn -DskipTests install"));
        }
    }

    /** The class path of this module (the broker, the store), built in the repository at {@code root}. */
    static String classpath(Path root) throws IOException {
        Path module = root.resolve("deploy/local/target");
        return module.resolve("classes") + java.io.File.pathSeparator + Files.readString(module.resolve("classpath.txt")).trim();
    }

    /** A service's database (and configuration file) name: monitoring-service → monitoring. */
    static String database(String service) {
        return service.replace("-service", "");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A free local port, for a stack run beside another (tests, the fault-injection run). */
    public static int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("127.0.0.1", 0));
                // the system may offer a port again before the part it was meant for binds it: never hand one out twice
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port not handed out already");
    }

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** A free port whose next port is free too (the broker's controller listens there). */
    public static int freePairOfPorts() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            try (ServerSocket next = new ServerSocket()) {
                next.bind(new InetSocketAddress("127.0.0.1", port + 1));
                if (HANDED_OUT.add(port + 1)) {
                    return port;
                }
            } catch (IOException e) {
                // taken; try another
            }
        }
        throw new IllegalStateException("no two free ports in a row");
    }

    /** Deletes a stack's home (data, logs), for a run that starts afresh. */
    public static void deleteHome(Path home) throws IOException {
        if (!Files.exists(home)) {
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is in use: is another stack running? (./run stop)");
        }
    }

    private void progress(String format, Object... args) {
        System.out.printf("[%5.1f s] %s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0, String.format(format, args));
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        Files.createDirectories(options.home());
        Files.writeString(options.home().resolve("stack.pid"), Long.toString(ProcessHandle.current().pid()));
        LocalStack stack = new LocalStack(options);
        // registered before anything starts: Ctrl-C while starting stops what was started
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping every process of the stack …");
            stack.close();
            try {
                Files.deleteIfExists(options.home().resolve("stack.pid"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("stopped.");
        }, "local-stack-stop"));
        try {
            stack.startAll();
        } catch (RuntimeException | InterruptedException e) {
            System.err.println("the stack did not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println();
        System.out.printf("fpr is up in %.0f s.%n", stack.startedIn().toMillis() / 1000.0);
        System.out.println("  dashboard      " + stack.url("consultation-service") + "/   sign in as viewer (the whole country) or "
                + "guizhou-viewer; passwords in " + stack.issuer.credentialsFile());
        System.out.println("  token issuer   " + stack.issuerUrl() + "   clients (one per role) and their secrets: the same file");
        options.servicePorts().keySet().forEach(service ->
                System.out.printf("  %-21s %s   OpenAPI: %s/v3/api-docs%n", service, stack.url(service), stack.url(service)));
        System.out.printf("  Kafka          localhost:%d%n  store          mongodb://localhost:%d%n", options.kafkaPort(), options.storePort());
        System.out.println("  logs           " + options.home().resolve("logs") + " (one file per process)");
        System.out.println("  data           " + options.home() + " (kept across restarts; delete it to start afresh)");
        if (options.clockSpeed() > 1) {
            System.out.printf("  clock          %d× real time (a day passes every %d s) so that the simulated cases move%n",
                    options.clockSpeed(), 86_400 / options.clockSpeed());
        }
        System.out.println("Ctrl-C (or ./run stop) stops everything.");
        try {
            new CountDownLatch(1).await();   // until the stop hook runs
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
