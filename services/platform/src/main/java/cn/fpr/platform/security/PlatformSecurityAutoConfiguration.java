package cn.fpr.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import cn.fpr.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;

/**
 * The web security every service starts from. A service adds its own, more specific chains (the
 * cooperation service's partner API is one); requests no chain claims pass through this last one,
 * which keeps the standard security headers and turns off browser log-in forms and CSRF tokens
 * (these are APIs). Token checks for the internal APIs come with the security issue.
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

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityWebFilterChain remainingRequests(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(requests -> requests.anyExchange().permitAll())
                .build();
    }
}
