package cn.fpr.bench;

import cn.fpr.simulator.Counties;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * P4: households imported from one CSV file through monitoring's import, the progress read while
 * it runs; then a raw-driver bulk insert of the same documents (as the import stored them) into a
 * collection of their own on the same store.
 */
final class BulkImport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1970, 1, 1);
    private static final int BATCH = 1000;

    private final Pipeline pipeline;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    BulkImport(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    Map<String, Object> run(int households, Path csv, Duration timeout) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        long rows = write(csv, households);
        results.put("csvRows", rows);
        results.put("csvMiB", Files.size(csv) / (1024 * 1024));
        String importId = "p4-" + System.currentTimeMillis();
        String base = pipeline.stack.url("monitoring-service") + "/api/v1/households/imports";
        HttpRequest upload = HttpRequest.newBuilder(URI.create(base + "?importId=" + importId)).timeout(timeout)
                .header("Authorization", pipeline.token().header()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> done = http.sendAsync(upload, HttpResponse.BodyHandlers.ofString());
        while (!done.isDone()) {
            Thread.sleep(5000);
            HttpRequest progress = HttpRequest.newBuilder(URI.create(base + "/" + importId)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", pipeline.token().header()).GET().build();
            HttpResponse<String> answer = http.send(progress, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                JsonNode report = JSON.readTree(answer.body());
                System.out.printf("[bench p4] %s: %d rows read, %d households imported, %d rejected, %.0f s%n", report.path("status").asString(),
                        report.path("rowsRead").asLong(), report.path("householdsImported").asLong(),
                        report.path("householdsRejected").asLong(), (System.nanoTime() - start) / 1e9);
            }
        }
        HttpResponse<String> answer = done.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("import answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode report = JSON.readTree(answer.body());
        long imported = report.path("householdsImported").asLong();
        results.put("householdsImported", imported);
        results.put("householdsRejected", report.path("householdsRejected").asLong());
        results.put("p4Seconds", Bench.round(seconds));
        results.put("p4HouseholdsPerSecond", Bench.round(imported / seconds));
        if (imported != households) {
            throw new IllegalStateException("imported " + imported + " of " + households + ": " + answer.body());
        }
        pipeline.awaitQuiet(Duration.ofMinutes(30));
        double raw = rawInsert();
        results.put("rawStoreBulkInsertPerSecond", Bench.round(raw));
        results.put("p4ShareOfRawInsert", Bench.round(imported / seconds / raw));
        results.put("p4TimeForOneMillionSeconds", Bench.round(1_000_000 / (imported / seconds)));
        return results;
    }

    /**
     * Writes the CSV: households of one to four members in the counties of the simulation, every
     * member with a resident ID number of its own (birth dates and sequence numbers handed out in
     * turn, so none is drawn twice). Returns the number of rows.
     */
    static long write(Path csv, int households) throws IOException {
        long member = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("household_ref,province_code,county_code,township_code,village_code,lifted_from_poverty,annual_net_income_yuan,"
                    + "responsible_cadre,id_number,relation,health,labour_capacity,skills,school_stage,medically_insured,pension_insured\n");
            for (int h = 0; h < households; h++) {
                Counties.County county = Counties.ALL.get(h % Counties.ALL.size());
                String township = county.township(h / Counties.ALL.size() % 5);
                String region = county.provinceCode() + "," + county.code() + "," + township + "," + township + (201 + h % 8);
                int size = 1 + h % 4;
                String household = "H" + h + "," + region + "," + (h % 10 < 7) + "," + size * (9000 + h % 9000) + ",cadre-" + township;
                for (int m = 0; m < size; m++, member++) {
                    String relation = m == 0 ? "HEAD" : m == 1 ? "SPOUSE" : "CHILD";
                    out.write(household + "," + idNumber(county.code(), member) + "," + relation + ",HEALTHY,"
                            + (m < 2 ? "FULL,farming" : "NONE,") + ",NOT_IN_SCHOOL_AGE,true," + (m < 2) + "\n");
                }
            }
        }
        return member;
    }

    /** The n-th ID number of a county: birth dates from 1970 in turn, a thousand sequence numbers each. */
    private static String idNumber(String countyCode, long n) {
        LocalDate born = FIRST_BIRTH.plusDays(n / 1000);
        String first17 = countyCode + String.format("%04d%02d%02d%03d", born.getYear(), born.getMonthValue(), born.getDayOfMonth(), n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK[sum % 11];
    }

    /**
     * Documents a second of inserting monitoring's household documents, as stored, into a
     * collection of their own with the same indexes, in unordered batches of a thousand.
     */
    private double rawInsert() {
        try (MongoClient client = MongoClients.create(pipeline.storeUri)) {
            MongoCollection<Document> households = client.getDatabase("monitoring").getCollection("households");
            MongoCollection<Document> copies = client.getDatabase("bench_raw").getCollection("households");
            copies.drop();
            // the same unique indexes as the service's collection, so that the store does the same work for each document
            for (Document index : households.listIndexes()) {
                if (!"_id_".equals(index.getString("name"))) {
                    copies.createIndex(index.get("key", Document.class), new IndexOptions().unique(index.getBoolean("unique", false)));
                }
            }
            long inserting = 0;
            long documents = 0;
            List<Document> batch = new ArrayList<>(BATCH);
            try (MongoCursor<Document> cursor = households.find().batchSize(BATCH).iterator()) {
                while (cursor.hasNext()) {
                    batch.add(cursor.next());
                    if (batch.size() == BATCH || !cursor.hasNext()) {
                        long start = System.nanoTime();
                        copies.insertMany(batch, new InsertManyOptions().ordered(false));
                        inserting += System.nanoTime() - start;
                        documents += batch.size();
                        batch.clear();
                    }
                }
            }
            copies.drop();
            return documents / (inserting / 1e9);
        }
    }
}
