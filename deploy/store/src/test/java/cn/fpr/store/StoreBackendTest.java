package cn.fpr.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store gives every reader a document as one write left it, while other requests rewrite that
 * document: otherwise a versioned write based on a half-new read puts old content back under a new
 * version, and an effect is lost (as the full fault run found). On a file, as the local stack runs
 * it, and in memory, as the tests do.
 */
class StoreBackendTest {

    private static final int WRITES = 1500;

    @Test
    void on_a_file_a_document_read_while_another_request_rewrites_it_is_all_of_one_version_and_survives_a_restart() throws Exception {
        Path file = Path.of("target/store-backend-test/store.mv.db").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try (Store store = Store.serve(new MVStore.Builder().fileName(file.toString()).open())) {
            assertEveryReadIsOfOneVersion(store.households());
        }
        try (Store again = Store.serve(new MVStore.Builder().fileName(file.toString()).open())) {
            assertThat(again.households().find().first().getLong("version")).as("the last write, after a restart").isEqualTo(WRITES);
        }
    }

    @Test
    void in_memory_a_document_read_while_another_request_rewrites_it_is_all_of_one_version() throws Exception {
        try (Store store = Store.serve(StoreBackend.inMemory())) {
            assertEveryReadIsOfOneVersion(store.households());
        }
    }

    /** Rewrites one large document {@value #WRITES} times with versioned writes while two readers compare its first key with its version. */
    private static void assertEveryReadIsOfOneVersion(MongoCollection<Document> households) throws InterruptedException {
        // a long list between the first and the last key: encoding a reply takes long enough to be overtaken
        List<String> history = Collections.nCopies(3000, "an entry of the household's history, some fifty bytes");
        AtomicLong mixed = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
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
        try {
            for (long version = 1; version <= WRITES; version++) {
                long read = version - 1;
                assertThat(households.replaceOne(new Document("_id", "hh-1").append("version", read), household(version, history))
                        .getMatchedCount()).as("write of version %d", version).isEqualTo(1);
            }
        } finally {
            writing.set(false);
            for (Thread reader : readers) {
                reader.join();
            }
        }
        assertThat(reads.get()).as("reads made while the document was rewritten").isGreaterThan(100);
        assertThat(mixed.get()).as("reads that got one version's first key beside another's version").isZero();
    }

    private static Document household(long version, List<String> history) {
        return new Document("_id", "hh-1").append("first", version).append("history", history).append("version", version);
    }

    /** The store served on a free port, with a client. */
    private record Store(MongoServer server, MongoClient client) implements AutoCloseable {

        static Store serve(MVStore file) {
            return serve(new StoreBackend(file));
        }

        static Store serve(StoreBackend backend) {
            MongoServer server = new MongoServer(backend);
            InetSocketAddress address = server.bind();
            return new Store(server, MongoClients.create("mongodb://127.0.0.1:" + address.getPort()));
        }

        MongoCollection<Document> households() {
            return client.getDatabase("monitoring").getCollection("households");
        }

        @Override
        public void close() {
            client.close();
            server.shutdown();   // closes the backend, which commits and closes its file
        }
    }
}
