package cn.fpr.platform.security;

import cn.fpr.platform.web.ProblemResponses;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The access tokens the internal APIs accept: signed by the token issuer (its keys from
 * {@code fpr.security.jwk-set-uri}, or one public key in {@code fpr.security.public-key}), issued
 * by {@code fpr.security.issuer}, not expired. A token's roles become the caller's authorities
 * ({@code ROLE_…}).
 */
final class AccessTokens {

    static ReactiveJwtDecoder decoder(Environment environment) {
        String publicKey = environment.getProperty("fpr.security.public-key", "");
        String jwkSetUri = environment.getProperty("fpr.security.jwk-set-uri", "");
        NimbusReactiveJwtDecoder decoder;
        if (!publicKey.isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(rsa(publicKey)).build();
        } else if (!jwkSetUri.isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
        } else {
            throw new IllegalStateException("set fpr.security.jwk-set-uri (the token issuer's keys) or fpr.security.public-key");
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(new JwtTimestampValidator(Duration.ofSeconds(30))));
        String issuer = environment.getProperty("fpr.security.issuer", "");
        if (!issuer.isBlank()) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        // the issuer's keys could not be fetched: the caller may try again shortly (503), it is not a bad token
        return token -> decoder.decode(token).onErrorMap(IllegalStateException.class, KeysUnavailable::new);
    }

    /** 503 with {@code Retry-After}: the token issuer's keys cannot be fetched just now. */
    static final class KeysUnavailable extends ResponseStatusException {

        KeysUnavailable(Throwable cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "the token issuer's keys cannot be fetched just now; try again shortly", cause);
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "5");
            return headers;
        }
    }

    static Mono<AbstractAuthenticationToken> authentication(Jwt token) {
        Caller caller = Caller.of(token);
        return Mono.just(new JwtAuthenticationToken(token, caller.roles().stream()
                .map(role -> new SimpleGrantedAuthority(PlatformSecurityAutoConfiguration.ROLE_PREFIX + role)).toList(), token.getSubject()));
    }

    /** 401 as problem details, with the {@code WWW-Authenticate: Bearer} challenge of RFC 6750. */
    static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException e) {
        boolean badToken = e instanceof OAuth2AuthenticationException;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        return ProblemResponses.write(exchange, ProblemResponses.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                badToken ? "the access token is invalid or has expired" : "an access token from the token issuer is required", exchange));
    }

    private static RSAPublicKey rsa(String pem) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("fpr.security.public-key is not an RSA public key in PEM", e);
        }
    }

    private AccessTokens() {
    }
}
