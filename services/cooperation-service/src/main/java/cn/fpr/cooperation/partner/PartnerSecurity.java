package cn.fpr.cooperation.partner;

import cn.fpr.platform.web.ProblemResponses;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;

/**
 * The partner API's gate: OAuth2 client credentials. A partner system exchanges its client ID and
 * secret at {@code /partner/v1/oauth2/token} for a signed JWT naming it; every other
 * {@code /partner/v1/**} request must bear one. Each partner is held to its own request rate.
 */
@Configuration(proxyBeanMethods = false)
class PartnerSecurity {

    static final String ISSUER = "urn:fpr:cooperation-service";
    static final String AUDIENCE = "fpr-partner-api";
    static final String SCOPE = "partner";
    /** The partner's requests per second, carried in its token so the limit is checked without a store read. */
    static final String RATE_LIMIT_CLAIM = "rate_limit";

    @Bean
    JwtEncoder partnerTokenEncoder(PartnerApiProperties properties) {
        return NimbusJwtEncoder.withSecretKey(key(properties)).algorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    ReactiveJwtDecoder partnerTokenDecoder(PartnerApiProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key(properties)).macAlgorithm(MacAlgorithm.HS256).build();
        // tokens expire in real time (see PartnerTokenController), whatever the business clock says
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, audience -> audience != null && audience.contains(AUDIENCE))));
        return decoder;
    }

    @Bean
    RateLimiterRegistry partnerRateLimits() {
        return RateLimiterRegistry.ofDefaults();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain partnerApi(ServerHttpSecurity http, ReactiveJwtDecoder partnerTokenDecoder, RateLimiterRegistry partnerRateLimits) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/partner/v1/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(requests -> requests
                        .pathMatchers("/partner/v1/oauth2/token").permitAll()
                        .anyExchange().hasAuthority("SCOPE_" + SCOPE))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(partnerTokenDecoder))
                        .authenticationEntryPoint((exchange, e) -> unauthorized(exchange, e))
                        .accessDeniedHandler((exchange, e) -> ProblemResponses.write(exchange, ProblemResponses.of(HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "the token is not a partner's", exchange))))
                .addFilterBefore(rateLimit(partnerRateLimits), SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
    }

    /** 401 as problem details, with the {@code WWW-Authenticate: Bearer} challenge of RFC 6750. */
    private static Mono<Void> unauthorized(ServerWebExchange exchange, Exception e) {
        boolean badToken = e instanceof OAuth2AuthenticationException;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        return ProblemResponses.write(exchange, ProblemResponses.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                badToken ? "the access token is invalid or has expired" : "an access token from /partner/v1/oauth2/token is required",
                exchange));
    }

    /** Per partner: past its requests per second, 429 with Retry-After. */
    private static WebFilter rateLimit(RateLimiterRegistry registry) {
        return (exchange, chain) -> ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(JwtAuthenticationToken.class::cast)
                .flatMap(token -> {
                    RateLimiter limiter = limiterFor(registry, token.getToken());
                    if (limiter.acquirePermission()) {
                        return chain.filter(exchange).then(Mono.just(true));
                    }
                    // the limit is per second: permissions are back within one
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                    ProblemDetail problem = ProblemResponses.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                            "more than " + limiter.getRateLimiterConfig().getLimitForPeriod() + " requests a second; retry after 1 s",
                            exchange);
                    return ProblemResponses.write(exchange, problem).then(Mono.just(true));
                })
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).then(Mono.just(true))))
                .then();
    }

    private static RateLimiter limiterFor(RateLimiterRegistry registry, Jwt token) {
        Number claimed = token.getClaim(RATE_LIMIT_CLAIM);
        int perSecond = claimed == null ? 1 : Math.max(1, claimed.intValue());
        RateLimiter limiter = registry.rateLimiter(token.getSubject(), () -> RateLimiterConfig.custom()
                .limitForPeriod(perSecond).limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build());
        if (limiter.getRateLimiterConfig().getLimitForPeriod() != perSecond) {
            limiter.changeLimitForPeriod(perSecond);
        }
        return limiter;
    }

    private static SecretKey key(PartnerApiProperties properties) {
        byte[] bytes = properties.tokenKey() == null ? new byte[0] : properties.tokenKey().getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("fpr.cooperation.partner-api.token-key must be set to at least 32 bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
