package cn.fpr.platform.store;

import cn.fpr.platform.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * While the store's circuit is open, API requests (reads too: every one of them needs the store)
 * are answered 503 with Retry-After at once, without trying the store; health, documentation and
 * the dashboard's static files are still served.
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
        if (!api || !circuit.isOpen()) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, circuit.retryAfter().toSeconds())));
        return ProblemResponses.write(exchange, ProblemResponses.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                "Store unavailable", StoreCircuit.OPEN, exchange));
    }
}
