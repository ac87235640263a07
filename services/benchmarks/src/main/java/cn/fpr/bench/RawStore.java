package cn.fpr.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's own pace with nothing of ours in between: the raw MongoDB driver writing copies of
 * one of the service's own documents in bulk (unordered batches of replace-with-upsert), first
 * inserting them, then replacing every one again.
 */
final class RawStore {

    private final String uri;

    RawStore(String uri) {
        this.uri = uri;
    }

    /** Documents a second: {@code insert} (the upserts that create) and {@code update} (those that replace). */
    Map<String, Double> bulkUpsert(Document template, int documents, int batchSize) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase("bench_raw").getCollection("households");
            collection.drop();
            Map<String, Double> rates = new LinkedHashMap<>();
            rates.put("insert", pass(collection, template, documents, batchSize, 0));
            rates.put("update", pass(collection, template, documents, batchSize, 1));
            collection.drop();
            return rates;
        }
    }

    /**
     * Documents a second of reading the documents a filter selects and writing each back (its
     * version one higher) in unordered bulk replaces of {@code batchSize}: the store's own pace for
     * a read and write of every one.
     */
    double readWrite(String database, String collectionName, Document filter, int batchSize) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase(database).getCollection(collectionName);
            long start = System.nanoTime();
            long documents = 0;
            List<WriteModel<Document>> batch = new ArrayList<>(batchSize);
            for (Document document : collection.find(filter).batchSize(batchSize)) {
                document.put("version", document.get("version") instanceof Number version ? version.longValue() + 1 : 0L);
                batch.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document));
                documents++;
                if (batch.size() == batchSize) {
                    collection.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                collection.bulkWrite(batch, new BulkWriteOptions().ordered(false));
            }
            return documents / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double pass(MongoCollection<Document> collection, Document template, int documents, int batchSize, int round) {
        long start = System.nanoTime();
        List<WriteModel<Document>> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < documents; i++) {
            Document copy = new Document(template);
            String id = "raw-" + i;
            copy.put("_id", id);
            copy.put("version", round);
            batch.add(new ReplaceOneModel<>(Filters.eq("_id", id), copy, new ReplaceOptions().upsert(true)));
            if (batch.size() == batchSize || i == documents - 1) {
                collection.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                batch.clear();
            }
        }
        return documents / ((System.nanoTime() - start) / 1e9);
    }
}
