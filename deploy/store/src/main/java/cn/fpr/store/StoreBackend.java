package cn.fpr.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
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

import java.util.stream.Stream;

/**
 * mongo-java-server's H2 backend as the tests and the local stack run it, on a file
 * ({@link StoreServer}) or in memory (the tests' store, one per test JVM). Two things differ from
 * the library's:
 * <ul>
 *   <li>it answers the {@code hello} handshake as {@code isMaster}: Spring Boot's health check
 *       sends it, and without an answer reports the store DOWN;</li>
 *   <li>its collections never hand out the document objects they store ({@link CopyingCollection}).</li>
 * </ul>
 */
public final class StoreBackend extends H2Backend {

    /** A store on an open H2 file (or an in-memory one). */
    public StoreBackend(MVStore store) {
        super(store);
    }

    /** A store that keeps its data in memory only: gone when the process ends. */
    public static StoreBackend inMemory() {
        return new StoreBackend(new MVStore.Builder().open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new CopyingH2Database(databaseName);
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

    /**
     * An H2 database whose collections hand out copies of their documents. Its maps are those
     * {@link H2Database} names, so that data written before is found again. (An inner class: its
     * collections are opened while {@link H2Database}'s constructor runs, and the backend's store is
     * there already.)
     */
    private final class CopyingH2Database extends H2Database {

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
    private static final class CopyingCollection extends H2Collection {

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
}
