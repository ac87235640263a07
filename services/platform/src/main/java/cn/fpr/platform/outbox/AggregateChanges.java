package cn.fpr.platform.outbox;

import cn.fpr.platform.messaging.Correlation;
import cn.fpr.platform.store.StoreCircuit;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The one way an aggregate changes: load it, apply the change (which may raise events into its
 * outbox), save state and events in one versioned document write, retry on the fresh state when
 * another writer won the race, and wake the relay. The change gets the correlation ID of the work
 * in progress, to stamp on the events it raises.
 */
public final class AggregateChanges {

    private static final int RETRIES = 8;

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final StoreCircuit circuit;

    public AggregateChanges(ReactiveMongoTemplate mongo, OutboxRelay relay, StoreCircuit circuit) {
        this.mongo = mongo;
        this.relay = relay;
        this.circuit = circuit;
    }

    /** Changes the aggregate, or fails with {@code missing} when there is none. */
    public <A extends AggregateRoot, R> Mono<R> change(Class<A> type, Object id, Supplier<? extends Throwable> missing,
                                                       BiFunction<A, String, R> change) {
        return changeIfPresent(type, id, change).switchIfEmpty(Mono.error(missing));
    }

    /** Changes the aggregate if there is one; completes empty otherwise. */
    public <A extends AggregateRoot, R> Mono<R> changeIfPresent(Class<A> type, Object id, BiFunction<A, String, R> change) {
        AtomicBoolean raisedEvents = new AtomicBoolean();
        return Correlation.id().flatMap(correlationId -> circuit.guard(Mono.defer(() -> {
                    AtomicReference<R> result = new AtomicReference<>();
                    return mongo.findById(id, type)
                            .flatMap(aggregate -> {
                                result.set(change.apply(aggregate, correlationId));
                                raisedEvents.set(!aggregate.outbox().isEmpty());
                                return mongo.save(aggregate);
                            })
                            .map(saved -> result.get());
                })
                .retryWhen(Retry.backoff(RETRIES, Duration.ofMillis(10))
                        .filter(OptimisticLockingFailureException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure())))
                // the relay looks up only documents that hold events: most changes raise none
                .doOnSuccess(done -> {
                    if (raisedEvents.get()) {
                        relay.nudge(mongo.getCollectionName(type), id);
                    }
                }));
    }

    /** Saves a new aggregate (with the events its creation raised). */
    public <A extends AggregateRoot> Mono<A> create(A aggregate) {
        return circuit.guard(mongo.insert(aggregate)).doOnSuccess(saved -> {
            if (!saved.outbox().isEmpty()) {
                relay.nudge(mongo.getCollectionName(saved.getClass()),
                        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(saved.getClass())
                                .getIdentifierAccessor(saved).getIdentifier());
            }
        });
    }
}
