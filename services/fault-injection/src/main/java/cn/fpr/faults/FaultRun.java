package cn.fpr.faults;

import cn.fpr.local.LocalStack;
import cn.fpr.simulator.CaseSteps;
import cn.fpr.simulator.Counties;
import cn.fpr.simulator.Synthetic;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault-injection run: the five services as separate processes on a real Kafka broker and
 * store (the local stack), a stream of department signals and the facts that follow them
 * (identification steps, placements, microloans, dividends) driven through the whole chain, and
 * meanwhile services killed with {@code kill -9} and restarted, the broker and the store restarted
 * once each, poison records mixed into the signals topic and a share of events delivered twice.
 * Then {@link Checks} reads the stores and topics and counts what was lost, doubled and
 * dead-lettered. Writes {@code fault-report.json} into the run's home.
 *
 * <p>Options ({@code --name=value}): {@code signals}, {@code households}, {@code kills},
 * {@code seed}, {@code rate} (signals a second), {@code home}, {@code root} (the repository).
 */
public final class FaultRun {

    /** The services' clock runs a day every 5 s, so that a five-day public notice stands in 25 s. */
    static final long CLOCK_SPEED = 17_280;
    private static final String[] SERVICES = LocalStack.SERVICES.keySet().toArray(String[]::new);

    /** What to run. */
    public record Settings(int signals, int households, int kills, long seed, Path home, Path root, double rate) {

        public static Settings from(Map<String, String> given) {
            int signals = Integer.parseInt(given.getOrDefault("signals", "3000"));
            String households = given.getOrDefault("households", "");
            return new Settings(signals, households.isBlank() ? Math.max(100, signals / 10) : Integer.parseInt(households),
                    Integer.parseInt(given.getOrDefault("kills", "3")), Long.parseLong(given.getOrDefault("seed", "20210225")),
                    Path.of(given.getOrDefault("home", "target/fault-run")).toAbsolutePath(),
                    Path.of(given.getOrDefault("root", ".")).toAbsolutePath().normalize(),
                    given.getOrDefault("rate", "").isBlank() ? 0 : Double.parseDouble(given.get("rate")));
        }

        /**
         * How long signals are sent: at {@code rate} signals a second when set; otherwise long enough
         * for the faults to fall inside it (2 minutes at least), at most 350 signals a second.
         */
        Duration drive() {
            return rate > 0 ? Duration.ofMillis(Math.round(signals * 1000 / rate)) : Duration.ofSeconds(Math.max(120, signals / 350));
        }
    }

    /** A registered household, as the driver knows it. */
    record Household(String id, Counties.County county, List<String> labour) {
    }

    /** A fault injected, and how long the part took to be back. */
    record Fault(String what, String part, double atSeconds, double downSeconds, double backInSeconds) {
    }

    private final Settings settings;
    private final Random random;
    private final Random chaosRandom;
    private final Http http = new Http();
    private LocalStack stack;
    private Instant started;
    private final List<Household> households = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Household> byId = new ConcurrentHashMap<>();
    private final Map<String, String> workshops = new HashMap<>();
    private final Map<String, String> projects = new HashMap<>();
    private final Set<String> walkedToApproval = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> flagged = new ConcurrentLinkedQueue<>();
    private final Set<String> placed = ConcurrentHashMap.newKeySet();
    private final Set<String> linked = ConcurrentHashMap.newKeySet();
    private final Map<String, String> loans = new ConcurrentHashMap<>();
    private final AtomicLong stepsTaken = new AtomicLong();
    private final AtomicLong loanAnswersLost = new AtomicLong();
    private final List<String> dividendPeriods = Collections.synchronizedList(new ArrayList<>());
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Object> probes = new ConcurrentHashMap<>();
    private final AtomicBoolean driving = new AtomicBoolean(true);

    FaultRun(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.chaosRandom = new Random(settings.seed() + 2);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            given.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        Report report = run(Settings.from(given));
        System.out.println(report.json());
        System.exit(report.passed() ? 0 : 1);
    }

    /** Runs everything and returns the report (also written to the home as fault-report.json). */
    public static Report run(Settings settings) throws Exception {
        return new FaultRun(settings).execute();
    }

    private Report execute() throws Exception {
        LocalStack.deleteHome(settings.home());
        Files.createDirectories(settings.home());
        started = Instant.now();
        Map<String, Integer> ports = new LinkedHashMap<>();
        LocalStack.SERVICES.keySet().forEach(service -> ports.put(service, LocalStack.freePort()));
        int kafkaPort = LocalStack.freePairOfPorts();
        int storePort = LocalStack.freePort();
        log("starting the stack (broker, store, five services as processes) in %s", settings.home());
        // the live feed keeps every event of the run, so that the checks can find each one in it
        stack = LocalStack.start(new LocalStack.Options(settings.root(), settings.home(), kafkaPort, storePort, ports, false,
                List.of(), CLOCK_SPEED, List.of("--fpr.consultation.live-feed.retained=100000000"), LocalStack.freePort()));
        http.presenting(stack.token("simulator"));
        try {
            log("stack ready in %d s; seeding %d households in %d counties", stack.startedIn().toSeconds(), settings.households(),
                    Counties.ALL.size());
            seed();
            String brokers = "localhost:" + kafkaPort;
            SignalStream signals = new SignalStream(brokers, settings, random, households.stream().map(Household::id).toList(),
                    this::today);
            Replayer replayer = new Replayer(brokers, new Random(settings.seed() + 1));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            Instant driveStart = Instant.now();
            Future<?> sending = pool.submit(() -> signals.send(settings.drive()));
            Future<?> chain = pool.submit(this::driveChain);
            Future<?> replaying = pool.submit(() -> replayer.run(driving));
            Future<?> chaos = pool.submit(() -> chaos(driveStart));
            try {
                whileRunning(sending);
                log("signals sent: %s", signals.summary());
                whileRunning(chaos);
                // cases opened last need their public notice to stand before they can be walked to the end
                Thread.sleep(Duration.ofSeconds(45).toMillis());
                driving.set(false);
                whileRunning(chain);
                whileRunning(replaying);
            } finally {
                driving.set(false);
                pool.shutdownNow();
            }
            Instant driveEnd = Instant.now();
            log("drive over after %d s; waiting for every consumer to catch up", Duration.between(driveStart, driveEnd).toSeconds());
            Checks checks = new Checks(brokers, "mongodb://localhost:" + storePort);
            // a backlog left by a stack slower than the drive is worked off at about 15 signals a second here
            Duration drained = checks.awaitDrained(Duration.ofMinutes(Math.max(20, settings.signals() / 3000)), stack::requireRunning);
            log("consumer lag zero and outboxes empty %d s after the drive", drained.toSeconds());
            Map<String, Object> driver = new LinkedHashMap<>();
            driver.put("householdsRegistered", households.size());
            driver.put("caseStepsTaken", stepsTaken.get());
            driver.put("casesWalkedToCountyApproval", walkedToApproval.size());
            driver.put("placementsRequested", placed.size());
            driver.put("loansDisbursed", loans.size());
            driver.put("loanApplicationsWhoseAnswerWasLost", loanAnswersLost.get());
            driver.put("householdsLinkedForDividends", linked.size());
            driver.put("dividendPeriodsPaid", dividendPeriods.size());
            driver.put("eventsReplayed", replayer.replayed());
            driver.put("httpStatusesSeen", http.statuses());
            Report report = checks.report(settings, signals, driver, List.copyOf(faults), Map.copyOf(probes),
                    Duration.between(driveStart, driveEnd), drained, Set.copyOf(loans.keySet()));
            Files.writeString(settings.home().resolve("fault-report.json"), report.json());
            log("report written to %s", settings.home().resolve("fault-report.json"));
            return report;
        } finally {
            stack.close();
        }
    }

    /**
     * Waits for work of the drive, failing as soon as a part of the stack has ended on its own (a
     * service out of memory): the suite starts again only what it killed, and would otherwise wait
     * out its time limit for a consumer that is gone.
     */
    private void whileRunning(Future<?> work) throws Exception {
        while (true) {
            try {
                work.get(5, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException stillWorking) {
                stack.requireRunning();
            }
        }
    }

    // ---- seeding ---------------------------------------------------------------------------

    private void seed() throws Exception {
        String monitoring = stack.url("monitoring-service");
        String employment = stack.url("employment-service");
        String industry = stack.url("industry-service");
        for (Counties.County county : Counties.ALL) {
            JsonNode opening = must(http.post(employment + "/api/v1/openings", Map.of("kind", "ASSISTANCE_WORKSHOP",
                    "employer", county.name() + " workshop", "workCountyCode", county.code(), "capacity", settings.households(),
                    "monthlyWageYuan", 2600, "workshopType", "FACTORY", "accidentInsurance", true)));
            workshops.put(county.code(), opening.path("openingId").asString());
            String project = must(http.post(industry + "/api/v1/projects", Map.of("countyCode", county.code(),
                    "villageCode", county.township(0) + "201", "name", "tea processing " + county.code(), "category", "INDUSTRY",
                    "budgetYuan", 800_000, "year", today().getYear()))).path("projectId").asString();
            must(http.post(industry + "/api/v1/projects/" + project + "/decisions", Map.of("approve", true,
                    "reason", "fits the township plan")));
            must(http.post(industry + "/api/v1/projects/" + project + "/decisions", Map.of("approve", true,
                    "reason", "approved at the county meeting")));
            must(http.post(industry + "/api/v1/projects/" + project + "/funding", Map.of("reference", "fund-" + county.code(),
                    "source", "CENTRAL_CONNECTION_FUNDS", "amountYuan", 800_000)));
            must(http.post(industry + "/api/v1/projects/" + project + "/completion", Map.of("assets",
                    List.of(Map.of("name", "processing line", "valueYuan", 780_000, "owner", "village collective")))));
            must(http.post(industry + "/api/v1/operators", Map.of("operatorId", "coop-" + county.code(),
                    "name", county.name() + " cooperative", "kind", "COOPERATIVE", "countyCode", county.code())));
            projects.put(county.code(), project);
        }
        Synthetic synthetic = new Synthetic(new Random(settings.seed()));
        List<Map.Entry<Counties.County, Map<String, Object>>> bodies = new ArrayList<>();
        for (int i = 0; i < settings.households(); i++) {
            Counties.County county = Counties.ALL.get(i % Counties.ALL.size());
            bodies.add(Map.entry(county, synthetic.household(county, i)));
        }
        ExecutorService registering = Executors.newFixedThreadPool(4);
        List<Future<?>> registrations = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            Map.Entry<Counties.County, Map<String, Object>> body = bodies.get(i);
            int sequence = i;
            registrations.add(registering.submit(() -> {
                Http.Answer registered = http.untilAnswered(() -> http.post(monitoring + "/api/v1/households", body.getValue()));
                // synthetic ID numbers repeat now and then (three sequence digits): such a household is made again
                for (int again = 1; registered.status() == 422 && again < 10; again++) {
                    Map<String, Object> other;
                    synchronized (synthetic) {
                        other = synthetic.household(body.getKey(), sequence + again * 7919);
                    }
                    registered = http.untilAnswered(() -> http.post(monitoring + "/api/v1/households", other));
                }
                JsonNode household = must(registered);
                households.add(new Household(household.path("householdId").asString(), body.getKey(), labour(household)));
            }));
        }
        registering.shutdown();
        if (!registering.awaitTermination(30, TimeUnit.MINUTES) || households.size() != bodies.size()) {
            Set<String> reasons = new LinkedHashSet<>();
            for (Future<?> registration : registrations) {
                try {
                    registration.get(0, TimeUnit.SECONDS);
                } catch (ExecutionException failed) {
                    reasons.add(failed.getCause().getMessage());
                } catch (java.util.concurrent.TimeoutException unfinished) {
                    reasons.add("not finished in 30 minutes");
                }
            }
            throw new IllegalStateException("only " + households.size() + " of " + bodies.size() + " households registered: " + reasons);
        }
        households.sort(Comparator.comparing(Household::id));
        households.forEach(household -> byId.put(household.id(), household));
        log("seeded %d households, a workshop and a dividend project in each county", households.size());
    }

    private static List<String> labour(JsonNode household) {
        List<String> labour = new ArrayList<>();
        household.path("members").forEach(member -> {
            if (member.path("labourCapacity").asString().equals("FULL")) {
                labour.add(member.path("memberId").asString());
            }
        });
        return labour;
    }

    private JsonNode must(Http.Answer answer) {
        if (!answer.ok()) {
            throw new IllegalStateException("seeding failed: " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    // ---- the chain after the signals ----------------------------------------------------------

    /** Walks cases, then places, lends to and links the flagged households; pays dividends now and then. */
    private void driveChain() {
        Instant nextDividend = Instant.now().plusSeconds(30);
        while (driving.get()) {
            walkCases();
            for (int i = flagged.size(); i > 0; i--) {
                String household = flagged.poll();
                if (household != null && !helpFlagged(household)) {
                    flagged.add(household);   // its seekers are not registered yet: next round
                }
            }
            if (Instant.now().isAfter(nextDividend)) {
                payDividends();
                nextDividend = Instant.now().plusSeconds(30);
            }
            Http.pause(1000);
        }
        payDividends();
    }

    /** Takes the next step of every open case, as its role would; one case in five is left unattended (and goes overdue). */
    private void walkCases() {
        String monitoring = stack.url("monitoring-service");
        List<JsonNode> cases = new ArrayList<>();
        for (int page = 0; page < 400; page++) {
            Http.Answer found = http.get(monitoring + "/api/v1/cases?size=500&page=" + page);
            if (!found.ok() || found.body().isEmpty()) {
                break;
            }
            found.body().forEach(cases::add);
        }
        LocalDate today = today();
        for (JsonNode open : cases) {
            String caseId = open.path("caseId").asString();
            if (Math.floorMod(caseId.hashCode(), 5) == 0 || open.path("pendingStep").isNull() || !driving.get()) {
                continue;
            }
            String step = open.path("pendingStep").asString();
            // the notice is given a day more than five: the services' clock moves a day every 5 s
            Optional<Map<String, Object>> body = CaseSteps.approval(step, LocalDate.parse(open.path("openedOn").asString()), today, 6,
                    "checked by the fault-injection run");
            if (body.isEmpty()) {
                continue;
            }
            // a step whose answer is lost is simply read again next round: the case's pending step tells what is left
            Http.Answer answer = http.post(monitoring + "/api/v1/cases/" + caseId + "/steps", body.get());
            if (answer.ok()) {
                stepsTaken.incrementAndGet();
                if (step.equals("COUNTY_APPROVAL") && walkedToApproval.add(caseId)) {
                    flagged.add(open.path("householdId").asString());
                }
            }
        }
    }

    /** A flagged household's worker is placed in the county's workshop, every other household gets a microloan, every one a share. */
    private boolean helpFlagged(String householdId) {
        Household household = byId.get(householdId);
        if (household == null) {
            return true;   // flagged through a household registered while the broker was down: not part of the stream
        }
        if (!household.labour().isEmpty() && !placed.contains(householdId)) {
            Http.Answer seekers = http.get(stack.url("employment-service") + "/api/v1/job-seekers?householdId=" + householdId);
            if (!seekers.ok() || seekers.body().isEmpty()) {
                return false;
            }
            String seekerId = seekers.body().get(0).path("seekerId").asString();
            Http.Answer placement = http.untilAnswered(() -> http.post(stack.url("employment-service") + "/api/v1/openings/"
                    + workshops.get(household.county().code()) + "/placements", Map.of("seekerId", seekerId, "startDate", today().toString())));
            if (placement.status() == 0) {
                return false;
            }
            placed.add(householdId);
        }
        String industry = stack.url("industry-service");
        if (!linked.contains(householdId)) {
            Http.Answer linkage = http.untilAnswered(() -> http.post(industry + "/api/v1/projects/" + projects.get(household.county().code())
                    + "/linkages", Map.of("householdId", householdId, "mode", "DIVIDEND", "operatorId", "coop-" + household.county().code())));
            if (linkage.status() == 0) {
                return false;
            }
            linked.add(householdId);
        }
        if (Math.floorMod(householdId.hashCode(), 2) == 0 && !household.labour().isEmpty() && !loans.containsValue(householdId)) {
            lend(household);
        }
        return true;
    }

    private void lend(Household household) {
        String industry = stack.url("industry-service");
        Http.Answer applied = http.post(industry + "/api/v1/loans", Map.of("householdId", household.id(),
                "borrowerMemberId", household.labour().get(0), "amountYuan", 20_000, "termMonths", 24, "purpose", "BREEDING"));
        if (applied.status() == 0 || applied.status() == 503) {
            // no answer: the application may or may not be on record; a cadre would look before applying again,
            // and this driver simply does not apply again (an application on its own issues nothing)
            loanAnswersLost.incrementAndGet();
            return;
        }
        if (!applied.ok()) {
            return;   // refused by a rule (age, cap): nothing issued
        }
        String loanId = applied.body().path("loanId").asString();
        // a decision or disbursement repeated after a lost answer is refused (the loan has moved on); the loan is read back
        http.untilAnswered(() -> http.post(industry + "/api/v1/loans/" + loanId + "/decision",
                Map.of("approve", true, "reason", "plan checked")));
        http.untilAnswered(() -> http.post(industry + "/api/v1/loans/" + loanId + "/disbursement", Map.of()));
        Http.Answer loan = http.untilAnswered(() -> http.get(industry + "/api/v1/loans/" + loanId));
        if (loan.ok() && "DISBURSED".equals(loan.body().path("status").asString())) {
            loans.put(loanId, household.id());
        }
    }

    /** Every county project pays a dividend for a new period to the households holding shares. */
    private void payDividends() {
        String period = "FT-" + (dividendPeriods.size() + 1);
        boolean any = false;
        for (String project : projects.values()) {
            Http.Answer paid = http.untilAnswered(() -> http.post(stack.url("industry-service") + "/api/v1/projects/" + project
                    + "/dividends", Map.of("period", period, "amountPerHouseholdYuan", 300)));
            any |= paid.status() != 0;
        }
        if (any) {
            dividendPeriods.add(period);
        }
    }

    // ---- the faults -------------------------------------------------------------------------------

    /**
     * At random moments of the drive: {@code kills} services killed with {@code kill -9} and started
     * again; the broker restarted once (with an HTTP write made while it is down, whose event must
     * come out when it is back) and the store restarted once (with requests made while it is down,
     * which must be answered 503 with Retry-After, and readiness DOWN).
     */
    private void chaos(Instant driveStart) {
        long window = settings.drive().toMillis();
        List<Map.Entry<Long, String>> plan = new ArrayList<>();
        for (int i = 0; i < settings.kills(); i++) {
            plan.add(Map.entry((long) (window * (0.1 + 0.8 * chaosRandom.nextDouble())), "kill"));
        }
        plan.add(Map.entry((long) (window * 0.35), "broker"));
        plan.add(Map.entry((long) (window * 0.6), "store"));
        plan.sort(Map.Entry.comparingByKey());
        try {
            for (Map.Entry<Long, String> fault : plan) {
                long wait = driveStart.toEpochMilli() + fault.getKey() - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                switch (fault.getValue()) {
                    case "kill" -> kill(SERVICES[chaosRandom.nextInt(SERVICES.length)]);
                    case "broker" -> restartBroker();
                    default -> restartStore();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("injecting a fault failed", e);
        }
    }

    private void kill(String service) throws IOException, InterruptedException {
        double at = seconds();
        log("kill -9 %s", service);
        Duration back = stack.restart(service, true);
        faults.add(new Fault("kill -9, then started again", service, at, 0, back.toMillis() / 1000.0));
        log("%s ready again %.1f s after the kill", service, back.toMillis() / 1000.0);
    }

    private void restartBroker() throws IOException, InterruptedException {
        double at = seconds();
        log("stopping the Kafka broker");
        stack.stopPart("kafka", false);
        Instant down = Instant.now();
        // a county office registers a household while the broker is down: the write succeeds, its event waits in the outbox
        Synthetic synthetic = new Synthetic(new Random(settings.seed() + 7));
        Http.Answer registered = http.post(stack.url("monitoring-service") + "/api/v1/households",
                synthetic.household(Counties.ALL.get(0), 900_000));
        probes.put("brokerDown.registrationStatus", registered.status());
        if (registered.ok()) {
            probes.put("brokerDown.householdId", registered.body().path("householdId").asString());
        }
        Thread.sleep(10_000);
        Instant restarting = Instant.now();
        stack.startAgain("kafka");
        probes.put("brokerDown.restartedAt", Instant.now().toString());
        faults.add(new Fault("broker stopped and started again", "kafka", at, Duration.between(down, restarting).toMillis() / 1000.0,
                Duration.between(restarting, Instant.now()).toMillis() / 1000.0));
        log("broker back after %.1f s down", Duration.between(down, Instant.now()).toMillis() / 1000.0);
    }

    private void restartStore() throws IOException, InterruptedException {
        double at = seconds();
        log("stopping the store");
        stack.stopPart("store", false);
        Instant down = Instant.now();
        Thread.sleep(4000);   // past the services' 3 s server-selection timeout
        Http.Answer write = http.post(stack.url("monitoring-service") + "/api/v1/signals", Map.of("signalId", "ft-store-down",
                "householdId", households.get(0).id(), "department", "MEDICAL_INSURANCE", "riskType", "ILLNESS",
                "observedOn", today().toString(), "rigidSpendingYuan", 30000));
        probes.put("storeDown.writeStatus", write.status());
        probes.put("storeDown.writeRetryAfter", String.valueOf(write.retryAfter()));
        Map<String, Integer> readiness = new LinkedHashMap<>();
        for (String service : SERVICES) {
            readiness.put(service, http.get(stack.url(service) + "/actuator/health/readiness").status());
        }
        probes.put("storeDown.readiness", readiness);
        Thread.sleep(6000);
        Instant restarting = Instant.now();
        stack.startAgain("store");
        Duration ready = awaitAllReady();
        faults.add(new Fault("store stopped and started again", "store", at, Duration.between(down, restarting).toMillis() / 1000.0,
                ready.toMillis() / 1000.0));
        log("store back; every service ready %.1f s after it started again", ready.toMillis() / 1000.0);
    }

    private Duration awaitAllReady() {
        Instant from = Instant.now();
        for (String service : SERVICES) {
            while (http.get(stack.url(service) + "/actuator/health/readiness").status() != 200) {
                if (Duration.between(from, Instant.now()).toMinutes() > 5) {
                    throw new IllegalStateException(service + " is not ready 5 minutes after the store came back");
                }
                Http.pause(250);
            }
        }
        return Duration.between(from, Instant.now());
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** The services' date: the stack's demonstration clock. */
    LocalDate today() {
        return LocalDate.ofInstant(stack.servicesNow(), ZoneOffset.UTC);
    }

    private double seconds() {
        return Duration.between(started, Instant.now()).toMillis() / 1000.0;
    }

    static void log(String format, Object... args) {
        System.out.printf("[faults %s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    }
}
