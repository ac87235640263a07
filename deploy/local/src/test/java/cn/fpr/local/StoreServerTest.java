package cn.fpr.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's store gives every reader a document as one write left it, while other
 * requests rewrite that document: otherwise a versioned write based on a half-new read puts old
 * content back under a new version, and an effect is lost (as the full fault run found).
 */
class StoreServerTest {

    @Test
    void a_document_read_while_another_request_rewrites_it_is_all_of_one_version_and_survives_a_restart() throws Exception {
        Path file = Path.of("target/store-server-test/store.mv.db").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        // a long list between the first and the last key: encoding a reply takes long enough to be overtaken
        List<String> history = Collections.nCopies(3000, "an entry of the household's history, some fifty bytes");
        AtomicLong mixed = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        int writes = 1500;
        try (Store store = Store.open(file)) {
            MongoCollection<Document> households = store.client.getDatabase("monitoring").getCollection("households");
            households.insertOne(household(0, history));
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread[] readers = new Thread[2];
            for (int r = 0; r < readers.length; r++) {
                readers[r] = new Thread(() -> {
                    while (writing.get()) {
                        Document read = households.find(new Document("_id", "hh-1")).first();
                        reads.incrementAndGet();
                        if (!read.getLong("first").equals(read.getLong("version"))) {
                            mixed.incrementAndGet();
                        }
                    }
                });
                readers[r].start();
            }
            for (long version = 1; version <= writes; version++) {
                long read = version - 1;
                assertThat(households.replaceOne(new Document("_id", "hh-1").append("version", read), household(version, history))
                        .getMatchedCount()).as("write of version %d", version).isEqualTo(1);
            }
            writing.set(false);
            for (Thread reader : readers) {
                reader.join();
            }
        }
        assertThat(reads.get()).as("reads made while the document was rewritten").isGreaterThan(100);
        assertThat(mixed.get()).as("reads that got one version's first key beside another's version").isZero();

        try (Store again = Store.open(file)) {
            Document stored = again.client.getDatabase("monitoring").getCollection("households").find().first();
            assertThat(stored.getLong("version")).as("the last write, after a restart").isEqualTo(writes);
        }
    }

    private static Document household(long version, List<String> history) {
        return new Document("_id", "hh-1").append("first", version).append("history", history).append("version", version);
    }

    /** The store as {@link StoreServer} runs it, on a file, with a client. */
    private record Store(MVStore file, MongoServer server, MongoClient client) implements AutoCloseable {

        static Store open(Path path) {
            MVStore file = new MVStore.Builder().fileName(path.toString()).open();
            MongoServer server = new MongoServer(new StoreServer.HelloAnsweringH2Backend(file));
            int port = LocalStack.freePort();
            server.bind("127.0.0.1", port);
            return new Store(file, server, MongoClients.create("mongodb://127.0.0.1:" + port));
        }

        @Override
        public void close() {
            client.close();
            server.shutdown();
        }
    }
}
