package cn.fpr.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The local stack's store, as its own process: mongo-java-server speaking the MongoDB wire
 * protocol, keeping its data in an H2 file so that it survives a restart (compacted as it goes).
 * Arguments: port, data file.
 */
public final class StoreServer {

    /** The H2 backend, answering the {@code hello} handshake as {@code isMaster} (Spring Boot's health check sends it). */
    static final class HelloAnsweringH2Backend extends H2Backend {

        HelloAnsweringH2Backend(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new CopyingH2Database(databaseName);
        }

        /**
         * An H2 database whose collections hand out copies of their documents ({@link CopyingCollection}).
         * Its maps are those {@link H2Database} names, so that data written before is found again. (An
         * inner class: its collections are opened while {@link H2Database}'s constructor runs, and the
         * backend's file is there already.)
         */
        final class CopyingH2Database extends H2Database {

            CopyingH2Database(String name) {
                super(name, getMvStore(), getCursorRegistry());
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                return new CopyingCollection(this, collectionName, options, getMvStore().openMap("databases." + namespace),
                        getMvStore().openMap("meta." + namespace), cursorRegistry);
            }
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document answer = super.handleCommand(channel, database, "isMaster", query);
                answer.put("isWritablePrimary", Boolean.TRUE);
                return answer;
            }
            return super.handleCommand(channel, database, command, query);
        }
    }

    /**
     * A collection that never hands out the document object it stores. mongo-java-server applies an
     * update by changing the stored object in place, key by key, under the collection's lock; but a
     * query's reply holds the stored objects and is encoded after the lock is released. A reader
     * could so get a document half old and half new (an old list of income entries beside a new
     * version), and a versioned write based on it would put the old lists back: the full fault run
     * lost a signal and a dividend's measure that way (docs/reliability.md). Here every look-up and
     * every scan's match is a deep copy: an update changes its own copy and puts it in place of the
     * stored one, which readers holding the old one never see change. Real MongoDB has no such window.
     */
    static final class CopyingCollection extends H2Collection {

        CopyingCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                          MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected Document getDocument(Object position) {
            Document stored = super.getDocument(position);
            return stored == null ? null : stored.cloneDeeply();
        }

        @Override
        protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
            return super.streamAllDocumentsWithPosition()
                    .map(stored -> new DocumentWithPosition<>(stored.getDocument().cloneDeeply(), stored.getPosition()));
        }

        /** A scan: the documents that match, copied (only those: a scan reads every document). */
        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document projection) {
            QueryMatcher matcher = new DefaultQueryMatcher();
            Stream<Document> matching = super.streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument)
                    .filter(document -> matcher.matches(document, query)).map(Document::cloneDeeply);
            return matchDocumentsFromStream(matching, query, orderBy, skip, limit, batchSize, projection);
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        // rewrite pages once less than half of them is live data, so the file does not keep growing; keep a quarter of
        // the heap of pages read (H2's default is 16 MB): a page not kept is read and deserialised again on every
        // look-up, which under load was most of the store's work and garbage (docs/performance.md, P1 run 13)
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(50).cacheSize(cacheMegabytes()).open();
        MongoServer server = new MongoServer(new HelloAnsweringH2Backend(store));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();   // closes the backend, which commits and closes the file
            stopped.countDown();
        }, "store-stop"));
        server.bind("127.0.0.1", port);
        System.out.println("store listening on 127.0.0.1:" + port + ", data in " + file);
        stopped.await();
    }

    /** A quarter of the heap the process may use, in megabytes. */
    static int cacheMegabytes() {
        return (int) Math.max(16, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
    }

    private StoreServer() {
    }
}
