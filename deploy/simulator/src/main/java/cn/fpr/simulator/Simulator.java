package cn.fpr.simulator;

import cn.fpr.contracts.Department;
import cn.fpr.contracts.EventCodec;
import cn.fpr.contracts.EventEnvelope;
import cn.fpr.contracts.KafkaCredentials;
import cn.fpr.contracts.RiskType;
import cn.fpr.contracts.signals.DepartmentSignalReceived;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * A simulation of the departmental systems and grassroots offices around the platform, for
 * demonstrations and the local stack (never in production): it seeds relocation sites, openings,
 * east–west agreements and synthetic households through the services' APIs, then keeps sending
 * departments' warnings onto the signals topic at a chosen rate, and walks most of the cases they
 * open through the identification steps (some are left unattended, to go overdue), so that the
 * dashboard moves on its own.
 *
 * <p>Options ({@code --name=value}): {@code kafka}, {@code monitoring}, {@code employment},
 * {@code cooperation} (addresses), {@code rate} (signals per second, default 2), {@code duration}
 * (ISO-8601, default: until stopped), {@code households} (per county, default 30), {@code state}
 * (a directory for what was seeded), {@code clock-origin} and {@code clock-speed} (the services'
 * demonstration clock, so the simulated dates agree with theirs), {@code seed}, {@code issuer} (the
 * token issuer's address) and {@code client-id} (its client there, default {@code simulator}; the
 * secret comes from the environment, {@code FPR_CLIENT_SECRET}).
 */
public final class Simulator {

    /** The services' dates are UTC days (their clock's zone); the simulated ones must agree. */
    private static final ZoneId SERVICES_ZONE = ZoneId.of("UTC");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AccessToken token;
    private final Random random;
    private final Instant origin;
    private final Instant start;
    private final long speed;
    private int agreementsYear;
    private final List<String> households = new ArrayList<>();
    private long signalsSent;
    private long stepsTaken;

    Simulator(Map<String, String> options) {
        this.options = options;
        this.random = new Random(Long.parseLong(options.getOrDefault("seed", "20210101")));
        this.speed = Long.parseLong(options.getOrDefault("clock-speed", "1"));
        this.origin = options.containsKey("clock-origin") ? Instant.parse(options.get("clock-origin")) : Instant.now();
        this.start = options.containsKey("clock-start") ? Instant.parse(options.get("clock-start")) : origin;
        this.token = new AccessToken(http, options.getOrDefault("issuer", "http://localhost:9000"),
                options.getOrDefault("client-id", "simulator"), System.getenv().getOrDefault("FPR_CLIENT_SECRET", ""));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        options.putIfAbsent("monitoring", "http://localhost:8081");
        options.putIfAbsent("employment", "http://localhost:8083");
        options.putIfAbsent("cooperation", "http://localhost:8084");
        new Simulator(options).run();
    }

    void run() throws Exception {
        seed();
        double rate = Double.parseDouble(options.getOrDefault("rate", "2"));
        Duration duration = options.containsKey("duration") ? Duration.parse(options.get("duration")) : null;
        Instant end = duration == null ? Instant.MAX : Instant.now().plus(duration);
        long pause = Math.max(1, Math.round(1000 / rate));
        log("sending about %.1f warnings a second%s; walking cases every 5 s", rate,
                duration == null ? "" : " for " + duration);
        Instant nextWalk = Instant.now();
        Instant nextReport = Instant.now().plusSeconds(30);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            while (Instant.now().isBefore(end)) {
                signal(producer);
                if (!Instant.now().isBefore(nextWalk)) {
                    signAgreements();
                    walkCases();
                    nextWalk = Instant.now().plusSeconds(5);
                }
                if (!Instant.now().isBefore(nextReport)) {
                    log("%d warnings sent, %d case steps taken; simulated day %s", signalsSent, stepsTaken, today());
                    nextReport = Instant.now().plusSeconds(30);
                }
                Thread.sleep(pause);
            }
        }
        log("done: %d warnings sent, %d case steps taken", signalsSent, stepsTaken);
    }

    /** Waits until the services it talks to are ready (they may still be starting, as under docker compose). */
    private void awaitServices() throws InterruptedException {
        for (String service : List.of("monitoring", "employment", "cooperation")) {
            String url = options.getOrDefault(service, "") + "/actuator/health/readiness";
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (send(HttpRequest.newBuilder(URI.create(url)).GET(), false) == null) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(service + " is not ready at " + url);
                }
                Thread.sleep(2000);
            }
        }
    }

    /** This year's east–west agreements of the pairings helping the simulated counties (signed once a year). */
    private void signAgreements() {
        int year = today().getYear();
        if (year == agreementsYear) {
            return;
        }
        String cooperation = options.getOrDefault("cooperation", "http://localhost:8084");
        for (String pairing : List.of("pair-44-52", "pair-44-45", "pair-31-53", "pair-33-51", "pair-37-62")) {
            post(cooperation + "/api/v1/pairings/" + pairing + "/agreements", Map.of("year", year, "targets", Map.of(
                    "FISCAL_AID_YUAN", 200_000_000, "CADRES_EXCHANGED", 300, "LABOUR_TRANSFERRED", 5000,
                    "CONSUMPTION_PURCHASES_YUAN", 100_000_000)));
        }
        agreementsYear = year;
    }

    /** Reference data and households, once: what was seeded is remembered in the state directory. */
    private void seed() throws IOException, InterruptedException {
        awaitServices();
        signAgreements();
        Path state = Path.of(options.getOrDefault("state", "."));
        Files.createDirectories(state);
        Path seeded = state.resolve("simulator-households.txt");
        if (Files.exists(seeded)) {
            households.addAll(Files.readAllLines(seeded).stream().filter(line -> !line.isBlank()).toList());
            log("%d synthetic households from an earlier run", households.size());
            return;
        }
        int perCounty = Integer.parseInt(options.getOrDefault("households", "30"));
        Synthetic synthetic = new Synthetic(random);
        String employment = options.getOrDefault("employment", "http://localhost:8083");
        String monitoring = options.getOrDefault("monitoring", "http://localhost:8081");
        int sequence = 0;
        for (Counties.County county : Counties.ALL) {
            String site = "site-" + county.code();
            post(employment + "/api/v1/relocation-sites", Map.of("siteId", site, "name", county.name() + " relocation site",
                    "countyCode", county.code()));
            post(employment + "/api/v1/openings", Map.of("kind", "ASSISTANCE_WORKSHOP", "employer", county.name() + " workshop",
                    "workCountyCode", county.code(), "capacity", 40, "monthlyWageYuan", 2600, "workshopType", "FACTORY"));
            post(employment + "/api/v1/openings", Map.of("kind", "PUBLIC_WELFARE_POST", "employer", county.name() + " villages",
                    "workCountyCode", county.code(), "capacity", 20, "monthlyWageYuan", 800));
            for (int i = 0; i < perCounty; i++) {
                JsonNode household = post(monitoring + "/api/v1/households", synthetic.household(county, sequence++));
                if (household == null) {
                    continue;
                }
                String householdId = household.path("householdId").asString();
                households.add(householdId);
                if (i % 5 == 0) {
                    List<String> labour = new ArrayList<>();
                    household.path("members").forEach(member -> {
                        if (member.path("labourCapacity").asString().equals("FULL")) {
                            labour.add(member.path("memberId").asString());
                        }
                    });
                    if (!labour.isEmpty()) {
                        post(employment + "/api/v1/relocation-sites/" + site + "/households",
                                Map.of("householdId", householdId, "labourMembers", labour));
                    }
                }
            }
        }
        Files.write(seeded, households);
        log("seeded %d synthetic households in %d counties, relocation sites, openings and agreements", households.size(),
                Counties.ALL.size());
    }

    /** One department's warning about a random household, onto the signals topic as the department's system would send it. */
    private void signal(KafkaProducer<String, byte[]> producer) {
        if (households.isEmpty()) {
            return;
        }
        Scenario scenario = Scenario.pick(random);
        String householdId = households.get(random.nextInt(households.size()));
        BigDecimal income = BigDecimal.valueOf(3000L + random.nextInt(30000));
        BigDecimal rigid = scenario == Scenario.MEDICAL_COSTS || scenario == Scenario.DISASTER
                ? BigDecimal.valueOf(10_000L + random.nextInt(60_000)) : BigDecimal.ZERO;
        DepartmentSignalReceived event = new DepartmentSignalReceived("sim-" + UUID.randomUUID(), householdId,
                Department.valueOf(scenario.department), RiskType.valueOf(scenario.riskType), today(), income, rigid,
                scenario.description);
        EventEnvelope<DepartmentSignalReceived> envelope = EventEnvelope.of(UUID.randomUUID().toString(),
                "/fpr/simulator/" + scenario.department.toLowerCase().replace('_', '-'), now(), "sim-" + UUID.randomUUID(), event);
        producer.send(EventRecords.of(envelope, EventCodec.encode(event)));
        signalsSent++;
    }

    /**
     * Takes the next step of open cases as the village cadre, county departments, village committee,
     * township and county would; one case in five is left unattended and goes overdue.
     */
    private void walkCases() {
        String monitoring = options.getOrDefault("monitoring", "http://localhost:8081");
        List<JsonNode> cases = new ArrayList<>();
        for (int page = 0; page < 20; page++) {
            JsonNode found = get(monitoring + "/api/v1/cases?size=200&page=" + page);
            if (found == null || found.isEmpty()) {
                break;
            }
            found.forEach(cases::add);
        }
        LocalDate today = today();
        for (JsonNode open : cases) {
            String caseId = open.path("caseId").asString();
            if (Math.floorMod(caseId.hashCode(), 5) == 0 || open.path("pendingStep").isNull()) {
                continue;
            }
            String step = open.path("pendingStep").asString();
            LocalDate openedOn = LocalDate.parse(open.path("openedOn").asString());
            Optional<Map<String, Object>> approval = CaseSteps.approval(step, openedOn, today, 5, "checked by the simulation");
            if (approval.isEmpty()) {
                continue;   // e.g. the public notice has not stood five days yet
            }
            Map<String, Object> body = approval.get();
            if (step.equals("COUNTY_APPROVAL") && random.nextInt(10) == 0) {
                body.putAll(Map.of("decision", "REJECT", "reason", "income above the line once subsidies are counted"));
            }
            if (post(monitoring + "/api/v1/cases/" + caseId + "/steps", body) != null) {
                stepsTaken++;
            }
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), SERVICES_ZONE);
    }

    /** The services' demonstration clock: {@code start} at the origin, then {@code speed} times the wall clock. */
    private Instant now() {
        return start.plus(Duration.between(origin, Instant.now()).multipliedBy(speed));
    }

    /**
     * The producer of the departments' warnings; on a secured broker it signs in as the Kafka user
     * in {@code FPR_KAFKA_USERNAME} / {@code FPR_KAFKA_PASSWORD} (the departmental systems' user).
     */
    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> settings = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.getOrDefault("kafka", "localhost:9092"),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20));
        String user = System.getenv("FPR_KAFKA_USERNAME");
        if (user != null && !user.isBlank()) {
            settings.putAll(KafkaCredentials.clientSettings(user, System.getenv("FPR_KAFKA_PASSWORD"),
                    System.getenv().getOrDefault("FPR_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"), KafkaCredentials.MECHANISM));
        }
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    private JsonNode post(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Correlation-ID", "sim-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), true);
    }

    private JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), true);
    }

    /**
     * The answer's JSON, or null when the service refused (already seeded, a step not due) or
     * could not be reached. API calls carry the simulator's access token.
     */
    private JsonNode send(HttpRequest.Builder request, boolean withToken) {
        try {
            if (withToken) {
                request.header("Authorization", token.header());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                log("refused (%d) by %s: %s", response.statusCode(), response.uri(), response.body());
            }
            return response.statusCode() / 100 == 2 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (IllegalStateException noToken) {
            log("%s", noToken.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[simulator] " + format + "%n", args);
    }
}
