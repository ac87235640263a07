package cn.fpr.platform.store;

import cn.fpr.platform.web.ProblemResponses;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * While the store's circuit is open, API requests are answered 503 with Retry-After at once,
 * without trying the store (every one of them needs it); health, documentation and the dashboard's
 * static files are still served.
 */
public final class StoreCircuitFilter implements WebFilter {

    private final StoreCircuit circuit;

    public StoreCircuitFilter(StoreCircuit circuit) {
        this.circuit = circuit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        boolean api = path.startsWith("/api/") || path.startsWith("/partner/");
        if (!api || circuit.state() != CircuitBreaker.State.OPEN) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return ProblemResponses.write(exchange, ProblemResponses.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                "Store unavailable", StoreCircuit.OPEN, exchange));
    }
}
