package cn.fpr.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import cn.fpr.platform.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.List;

/**
 * The web security every service starts from. A service adds its own, more specific chains (the
 * cooperation service's partner API is one); requests no chain claims pass through this last one,
 * which keeps the standard security headers (and adds a content security policy), allows only the
 * configured browser origins (CORS), and turns off browser log-in forms and CSRF tokens (these are
 * APIs). Everything else needs an access token of the token issuer, and one of the roles the
 * handler it goes to names ({@link Allowed}).
 */
@AutoConfiguration(before = {ReactiveManagementWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class,
        ReactiveOAuth2ResourceServerAutoConfiguration.class})
public class PlatformSecurityAutoConfiguration {

    /**
     * Requests the security firewall refuses (an encoded slash or percent sign in the path, and
     * the like) are answered as problem details too, not with an empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests() {
        return (exchange, rejected) -> ProblemResponses.write(exchange, ProblemResponses.of(HttpStatus.BAD_REQUEST, "rejected-request",
                "Rejected request", "the request's path or headers are not acceptable: " + rejected.getMessage(), exchange));
    }

    /**
     * CORS: only the origins in {@code fpr.web.cors.allowed-origins} (none by default: the
     * dashboard is served from the service's own origin) may call the APIs from a browser; any
     * other origin's preflight and cross-origin requests are refused.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${fpr.web.cors.allowed-origins:}") List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Last-Event-ID", "X-Correlation-ID",
                "Idempotency-Key"));
        cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Correlation-ID"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /**
     * Security headers on every answer, besides Spring Security's defaults (no sniffing, no
     * framing, no caching): a content security policy that lets pages load only the service's own
     * scripts and connect only to it, and no referrer.
     */
    public static void headers(ServerHttpSecurity http) {
        headers(http, contentSecurityPolicy(""));
    }

    private static void headers(ServerHttpSecurity http, String policy) {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER)));
    }

    /**
     * The dashboard's charts set styles from script, hence inline styles; no inline or foreign
     * script. Pages may connect to the service itself and to the token issuer (the dashboard's
     * sign-in exchanges its code there), nowhere else.
     */
    static String contentSecurityPolicy(String issuer) {
        String connect = "'self'";
        if (issuer.startsWith("http://") || issuer.startsWith("https://")) {
            URI address = URI.create(issuer);
            connect += " " + address.getScheme() + "://" + address.getAuthority();
        }
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src " + connect
                + "; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityWebFilterChain remainingRequests(ServerHttpSecurity http, CorsConfigurationSource cors,
                                             @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers,
                                             Environment environment) {
        headers(http, contentSecurityPolicy(environment.getProperty("fpr.security.issuer", "")));
        AllowedRoles allowedRoles = new AllowedRoles(handlers);
        return http
                .cors(spec -> spec.configurationSource(cors))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(requests -> requests
                        // probes, the API description and the dashboard's files and sign-in settings (no data) are open
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, "/", "/index.html", "/*.js", "/*.css", "/favicon.ico", "/webjars/**", "/dashboard/**")
                        .permitAll()
                        // the rest of the actuator (bindings can be stopped there) is for operators
                        .pathMatchers("/actuator/**").hasAuthority(ROLE_PREFIX + Role.OPERATOR)
                        .anyExchange().access(allowedRoles))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(AccessTokens.decoder(environment))
                                .jwtAuthenticationConverter(AccessTokens::authentication))
                        .authenticationEntryPoint((exchange, e) -> AccessTokens.unauthorized(exchange, e))
                        .accessDeniedHandler((exchange, e) -> ProblemResponses.write(exchange, ProblemResponses.of(HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "your token's roles do not include one this request needs", exchange))))
                .build();
    }

    static final String ROLE_PREFIX = "ROLE_";
}
