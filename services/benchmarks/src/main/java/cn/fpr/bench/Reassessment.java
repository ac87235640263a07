package cn.fpr.bench;

import cn.fpr.simulator.AccessToken;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.types.Decimal128;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * P3: a province raises its monitoring line, and monitoring re-evaluates every household of it.
 * The province is filled with copies of households registered through the API, written straight
 * into the store (registering a million through the API would take most of a day on this store):
 * their per-capita incomes are spread from the present line to half as much again, so that a line
 * a tenth higher puts about a fifth of them below it. Measured: how long the re-evaluation takes,
 * the events it raised against the households it changed, and, on the same documents of the same
 * store, a raw-driver read and bulk write.
 */
final class Reassessment {

    /** Guizhou: the province of the local stack's province-admin client. */
    static final String PROVINCE = "520000";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 1000;

    private final Pipeline pipeline;

    Reassessment(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    Map<String, Object> run(int households, Duration timeout) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        AccessToken admin = pipeline.stack.token("province-admin");
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        String linePath = "/api/v1/thresholds/" + PROVINCE + "/" + year;
        BigDecimal line = new BigDecimal(json(pipeline.call(admin, "GET", linePath, null, Duration.ofSeconds(30))).path("lineYuan").asString());

        long start = System.nanoTime();
        long copied = copy(households, line);
        results.put("householdsInProvince", copied);
        results.put("seedCopiesPerSecond", Bench.round(households / ((System.nanoTime() - start) / 1e9)));
        pipeline.awaitQuiet(Duration.ofMinutes(15));

        BigDecimal raised = line.multiply(new BigDecimal("1.1")).setScale(0, RoundingMode.HALF_UP);
        results.put("lineYuan", line + " → " + raised);
        try (Pipeline.EventCounter reassessed = pipeline.counting("household-reassessed")) {
            start = System.nanoTime();
            JsonNode outcome = json(pipeline.call(admin, "PUT", linePath, "{\"lineYuan\":" + raised + "}", timeout));
            double seconds = (System.nanoTime() - start) / 1e9;
            long evaluated = outcome.path("evaluated").asLong();
            long changed = outcome.path("changed").asLong();
            results.put("p3Seconds", Bench.round(seconds));
            results.put("householdsEvaluated", evaluated);
            results.put("householdsChanged", changed);
            results.put("p3HouseholdsPerSecond", Bench.round(evaluated / seconds));
            // the events: one household-reassessed for each household that changed, none for the rest
            long deadline = System.nanoTime() + timeout.toNanos();
            while (reassessed.poll() < changed && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            results.put("eventsRelayedAfterSeconds", Bench.round((System.nanoTime() - start) / 1e9));
            long settle = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < settle) {
                reassessed.poll();
            }
            long events = reassessed.poll();
            results.put("householdReassessedEvents", events);
            if (evaluated < copied || events != changed) {
                throw new IllegalStateException("re-evaluated " + evaluated + " of " + copied + " households, " + events
                        + " household-reassessed events for " + changed + " changed");
            }
        }
        pipeline.awaitQuiet(Duration.ofMinutes(30));
        double raw = new RawStore(pipeline.storeUri).readWrite("monitoring", "households", new Document("region.provinceCode", PROVINCE), BATCH);
        double p3 = (double) results.get("p3HouseholdsPerSecond");
        results.put("rawStoreReadWritePerSecond", Bench.round(raw));
        results.put("p3ShareOfRawReadWrite", Bench.round(p3 / raw));
        results.put("p3TimeForOneMillionSeconds", Bench.round(1_000_000 / p3));
        return results;
    }

    /**
     * Fills the province with copies of its registered households up to {@code households} in all;
     * each copy has members of its own (ID hashes no one else has), no pending events, and an income
     * between the line and half as much again a head. Returns how many the province then holds.
     */
    private long copy(int households, BigDecimal line) {
        try (MongoClient client = MongoClients.create(pipeline.storeUri)) {
            MongoCollection<Document> collection = client.getDatabase("monitoring").getCollection("households");
            List<Document> templates = collection.find(Filters.eq("region.provinceCode", PROVINCE)).limit(50).into(new ArrayList<>());
            if (templates.isEmpty()) {
                throw new IllegalStateException("no household of " + PROVINCE + " registered to copy");
            }
            long present = collection.countDocuments(Filters.eq("region.provinceCode", PROVINCE));
            List<Document> batch = new ArrayList<>(BATCH);
            for (long i = present; i < households; i++) {
                Document template = templates.get((int) (i % templates.size()));
                Document copy = new Document(template);
                copy.put("_id", template.getString("_id") + "-copy-" + i);
                copy.put("version", 0L);
                copy.put("outbox", List.of());
                List<Document> members = new ArrayList<>();
                for (Document member : template.getList("members", Document.class)) {
                    Document own = new Document(member);
                    own.put("idHash", "copy-" + i + "-" + member.getString("memberId"));
                    members.add(own);
                }
                copy.put("members", members);
                BigDecimal perHead = line.multiply(BigDecimal.valueOf(100 + i % 50)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
                BigDecimal income = perHead.multiply(BigDecimal.valueOf(members.size()));
                copy.put("annualNetIncomeYuan", template.get("annualNetIncomeYuan") instanceof Decimal128 ? new Decimal128(income) : income.toPlainString());
                batch.add(copy);
                if (batch.size() == BATCH || i == households - 1) {
                    collection.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
            return collection.countDocuments(Filters.eq("region.provinceCode", PROVINCE));
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
