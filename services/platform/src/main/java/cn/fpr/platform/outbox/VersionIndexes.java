package cn.fpr.platform.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * An index on {@code (_id, version)} in every aggregate collection. Every change of an aggregate
 * is saved on the condition that its version is still the one read, so its filter names both
 * fields; MongoDB serves that from the {@code _id} index anyway, but the development store
 * (mongo-java-server) uses an index only when it covers exactly the filter's fields, and
 * otherwise scans the whole collection on every save.
 */
public final class VersionIndexes {

    private static final Logger log = LoggerFactory.getLogger(VersionIndexes.class);

    private final ReactiveMongoTemplate mongo;
    private final Supplier<List<String>> collections;

    public VersionIndexes(ReactiveMongoTemplate mongo, Supplier<List<String>> collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensure() {
        for (String collection : collections.get()) {
            try {
                mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC)
                        .unique().named("_id_version")).block(Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                log.warn("index (_id, version) of {} not made now (saves still work, more slowly on the development store): {}",
                        collection, e.toString());
            }
        }
    }
}
