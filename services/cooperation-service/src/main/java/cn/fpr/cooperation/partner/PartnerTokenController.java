package cn.fpr.cooperation.partner;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The token endpoint of the OAuth2 client credentials grant (RFC 6749 §4.4) for partner systems.
 * The client authenticates with HTTP Basic ({@code client_secret_basic}) or with
 * {@code client_id}/{@code client_secret} form fields; errors are those of RFC 6749 §5.2.
 */
@RestController
class PartnerTokenController {

    record TokenResponse(String access_token, String token_type, long expires_in, String scope) {
    }

    private final Partners partners;
    private final JwtEncoder encoder;
    private final PartnerApiProperties properties;
    /**
     * Access tokens expire in real time: their lifetime is a security setting, not a policy rule, so
     * it does not follow the business clock that tests move and demonstrations accelerate.
     */
    private final Clock clock = Clock.systemUTC();

    PartnerTokenController(Partners partners, JwtEncoder encoder, PartnerApiProperties properties) {
        this.partners = partners;
        this.encoder = encoder;
        this.properties = properties;
    }

    @PostMapping(path = "/partner/v1/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Object>> token(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            if (!"client_credentials".equals(form.getFirst("grant_type"))) {
                return Mono.just(error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "grant_type must be client_credentials"));
            }
            String[] client = credentials(exchange.getRequest().getHeaders(), form);
            if (client == null) {
                return Mono.just(error(HttpStatus.UNAUTHORIZED, "invalid_client", "client credentials are required"));
            }
            return partners.authenticate(client[0], client[1])
                    .map(partner -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).<Object>body(issue(partner)))
                    .defaultIfEmpty(error(HttpStatus.UNAUTHORIZED, "invalid_client", "unknown client or wrong secret"));
        });
    }

    private TokenResponse issue(Partner partner) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(PartnerSecurity.ISSUER)
                .subject(partner.partnerId())
                .audience(List.of(PartnerSecurity.AUDIENCE))
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenLifetime()))
                .id(UUID.randomUUID().toString())
                .claim("scope", PartnerSecurity.SCOPE)
                .claim(PartnerSecurity.RATE_LIMIT_CLAIM, partner.requestsPerSecond())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        return new TokenResponse(token, "Bearer", properties.tokenLifetime().toSeconds(), PartnerSecurity.SCOPE);
    }

    /** Client ID and secret from the Basic header, else from the form; null when neither has both. */
    private static String[] credentials(HttpHeaders headers, MultiValueMap<String, String> form) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon > 0 ? new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)} : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String id = form.getFirst("client_id");
        String secret = form.getFirst("client_secret");
        return id != null && secret != null ? new String[] {id, secret} : null;
    }

    private static ResponseEntity<Object> error(HttpStatus status, String error, String description) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).cacheControl(CacheControl.noStore());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"fpr-partner-api\"");
        }
        return response.body(Map.of("error", error, "error_description", description));
    }
}
