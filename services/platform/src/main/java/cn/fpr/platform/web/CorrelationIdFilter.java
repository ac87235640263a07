package cn.fpr.platform.web;

import cn.fpr.platform.messaging.Correlation;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.regex.Pattern;

/** Takes the caller's {@code X-Correlation-ID} (or makes one), echoes it, and carries it into every event raised. */
public final class CorrelationIdFilter implements WebFilter {

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(Correlation.HEADER);
        String correlationId = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(Correlation.HEADER, correlationId);
        return chain.filter(exchange).contextWrite(Correlation.with(correlationId));
    }
}
