package cn.fpr.platform.messaging;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import java.util.UUID;

/**
 * The correlation ID of the work in progress, carried in the Reactor context: set from the
 * {@code X-Correlation-ID} request header or from the inbound event, and stamped on every event
 * raised while handling it.
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-ID";
    private static final String KEY = Correlation.class.getName();

    /** The current correlation ID, or a new one when the work did not start from a request or event. */
    public static Mono<String> id() {
        return Mono.deferContextual(context -> Mono.just(of(context)));
    }

    public static String of(ContextView context) {
        return context.getOrDefault(KEY, UUID.randomUUID().toString());
    }

    public static Context with(String correlationId) {
        return Context.of(KEY, correlationId);
    }

    private Correlation() {
    }
}
