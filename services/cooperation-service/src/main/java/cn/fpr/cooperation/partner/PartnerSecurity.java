package cn.fpr.cooperation.partner;

import cn.fpr.platform.security.PlatformSecurityAutoConfiguration;
import cn.fpr.platform.web.ProblemResponses;
import cn.fpr.platform.web.limits.ClientRateLimitFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;

/**
 * The partner API's gate: OAuth2 client credentials. A partner system exchanges its client ID and
 * secret at {@code /partner/v1/oauth2/token} for a signed JWT naming it; every other
 * {@code /partner/v1/**} request must bear one. Each partner is held to its own request rate (the
 * token's {@code rate_limit}, applied by the platform's {@link ClientRateLimitFilter}).
 */
@Configuration(proxyBeanMethods = false)
class PartnerSecurity {

    static final String ISSUER = "urn:fpr:cooperation-service";
    static final String AUDIENCE = "fpr-partner-api";
    static final String SCOPE = "partner";
    /**
     * The partner's requests per second, carried in its token so the limit is checked without a
     * store read (by the platform's per-client rate limit).
     */
    static final String RATE_LIMIT_CLAIM = ClientRateLimitFilter.CLAIM;

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
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain partnerApi(ServerHttpSecurity http, ReactiveJwtDecoder partnerTokenDecoder) {
        PlatformSecurityAutoConfiguration.headers(http);
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

    private static SecretKey key(PartnerApiProperties properties) {
        byte[] bytes = properties.tokenKey() == null ? new byte[0] : properties.tokenKey().getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("fpr.cooperation.partner-api.token-key must be set to at least 32 bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
