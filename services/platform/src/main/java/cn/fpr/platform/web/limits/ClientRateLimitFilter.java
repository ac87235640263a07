package cn.fpr.platform.web.limits;

import cn.fpr.platform.web.ProblemResponses;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate limits per client on the APIs ({@code /api/}, {@code /partner/}): past its requests a
 * second, a client is answered 429 with {@code Retry-After: 1} and the request is not handled.
 * A client is the subject of its access token when it has one (its limit then the token's
 * {@code rate_limit} claim, if it carries one), otherwise its address; the default limit is
 * {@code fpr.web.rate-limit} a second per client and instance. Health, documentation and the
 * dashboard's static files are not limited.
 */
public final class ClientRateLimitFilter implements WebFilter, Ordered {

    /** The claim of an access token that sets its client's requests a second. */
    public static final String CLAIM = "rate_limit";
    private static final int MOST_CLIENTS = 10_000;

    private final int perSecond;
    private final Map<String, RateLimiter> limiters = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
            return size() > MOST_CLIENTS;
        }
    };

    public ClientRateLimitFilter(int perSecond) {
        this.perSecond = perSecond;
    }

    /** After the security filters, so that the client's token is known. */
    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/") && !path.startsWith("/partner/")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(authentication -> limiter("token:" + authentication.getName(), claimed(authentication)))
                .switchIfEmpty(Mono.fromSupplier(() -> limiter("address:" + address(exchange), perSecond)))
                .flatMap(limiter -> {
                    if (limiter.acquirePermission()) {
                        return chain.filter(exchange);
                    }
                    // the limit is per second: permissions are back within one
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                    return ProblemResponses.write(exchange, ProblemResponses.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                            "Too many requests", "more than " + limiter.getRateLimiterConfig().getLimitForPeriod()
                                    + " requests a second; retry after 1 s", exchange));
                });
    }

    private int claimed(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token && token.getToken().getClaim(CLAIM) instanceof Number claimed) {
            return Math.max(1, claimed.intValue());
        }
        return perSecond;
    }

    private synchronized RateLimiter limiter(String client, int limit) {
        RateLimiter limiter = limiters.computeIfAbsent(client, name -> RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(limit).limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build()));
        if (limiter.getRateLimiterConfig().getLimitForPeriod() != limit) {
            limiter.changeLimitForPeriod(limit);
        }
        return limiter;
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
