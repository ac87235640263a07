package cn.fpr.issuer;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fpr.issuer.clients.county-520526.secret={noop}county-secret",
        "fpr.issuer.clients.county-520526.roles=COUNTY_OFFICIAL",
        "fpr.issuer.clients.county-520526.region=520526",
        "fpr.issuer.clients.medical-insurance.secret={noop}mi-secret",
        "fpr.issuer.clients.medical-insurance.roles=DEPARTMENT",
        "fpr.issuer.clients.medical-insurance.region=000000",
        "fpr.issuer.clients.medical-insurance.department=MEDICAL_INSURANCE",
        "fpr.issuer.clients.medical-insurance.rate-limit=500",
        "fpr.issuer.people.viewer-gz.password={noop}viewer-password",
        "fpr.issuer.people.viewer-gz.roles=DASHBOARD_VIEWER",
        "fpr.issuer.people.viewer-gz.region=520000",
        "fpr.issuer.dashboard=http://localhost:8080/",
        "spring.security.oauth2.authorizationserver.issuer=http://localhost:9000"})
class TokenIssuerTest {

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Test
    void a_county_office_gets_a_signed_token_saying_its_role_and_region_and_nothing_it_asked_for() throws Exception {
        SignedJWT token = clientCredentials("county-520526", "county-secret", "&region=000000&roles=OPERATOR");

        assertThat(token.verify(new RSASSAVerifier(signingKey(token)))).isTrue();
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("county-520526");
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("COUNTY_OFFICIAL");
        assertThat(token.getJWTClaimsSet().getStringClaim("region")).isEqualTo("520526");
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo("http://localhost:9000");
        assertThat(token.getJWTClaimsSet().getExpirationTime()).isNotNull();
    }

    @Test
    void the_issuer_keeps_nothing_of_a_client_credentials_token_so_its_memory_does_not_grow_with_them() throws Exception {
        for (int i = 0; i < 20; i++) {
            SignedJWT token = clientCredentials("county-520526", "county-secret", "");
            assertThat(authorizations.findByToken(token.serialize(), OAuth2TokenType.ACCESS_TOKEN)).isNull();
        }
    }

    @Test
    void a_departmental_system_token_names_its_department_and_rate() throws Exception {
        SignedJWT token = clientCredentials("medical-insurance", "mi-secret", "");

        assertThat(token.getJWTClaimsSet().getStringClaim("department")).isEqualTo("MEDICAL_INSURANCE");
        assertThat(token.getJWTClaimsSet().getLongClaim("rate_limit")).isEqualTo(500);
    }

    @Test
    void a_wrong_secret_gets_no_token() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic("county-520526", "guessed"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("invalid_client").doesNotContain("access_token");
    }

    @Test
    void a_person_signs_in_to_the_dashboard_with_pkce_and_gets_a_token_of_their_role_and_region() throws Exception {
        String verifier = "v" + "erifier-".repeat(6);
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth2/authorize?response_type=code&client_id=dashboard&scope=openid&state=s1"
                + "&redirect_uri=" + encode("http://localhost:8080/") + "&code_challenge=" + challenge + "&code_challenge_method=S256";

        HttpResponse<String> first = send(HttpRequest.newBuilder(uri(authorize)).header("Accept", "text/html").GET().build());
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        String page = send(HttpRequest.newBuilder(uri("/login")).GET().build()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the sign-in form has its CSRF token").isTrue();
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "viewer-gz", "password", "viewer-password",
                        "_csrf", csrf.group(1))))).build());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> back = send(HttpRequest.newBuilder(URI.create(signedIn.headers().firstValue("Location").orElseThrow()))
                .GET().build());
        String redirect = back.headers().firstValue("Location").orElseThrow();
        assertThat(redirect).startsWith("http://localhost:8080/?code=").contains("state=s1");
        String code = redirect.replaceAll(".*[?&]code=([^&]+).*", "$1");

        HttpResponse<String> tokens = send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code",
                        java.net.URLDecoder.decode(code, StandardCharsets.UTF_8), "redirect_uri", "http://localhost:8080/",
                        "client_id", "dashboard", "code_verifier", verifier)))).build());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        SignedJWT token = SignedJWT.parse(tokens.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1"));
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("viewer-gz");
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("DASHBOARD_VIEWER");
        assertThat(token.getJWTClaimsSet().getStringClaim("region")).isEqualTo("520000");
    }

    @Test
    void only_the_dashboards_origin_may_exchange_a_code_from_a_browser() throws Exception {
        HttpResponse<String> dashboard = send(preflight("http://localhost:8080"));
        assertThat(dashboard.headers().firstValue("Access-Control-Allow-Origin")).as(dashboard.statusCode() + " " + dashboard.headers().map()).hasValue("http://localhost:8080");
        HttpResponse<String> other = send(preflight("http://elsewhere.example"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpRequest preflight(String origin) {
        return HttpRequest.newBuilder(uri("/oauth2/token")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build();
    }

    @Test
    void health_answers_without_a_token() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET().build()).statusCode()).isEqualTo(200);
    }

    private SignedJWT clientCredentials(String client, String secret, String extra) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic(client, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials" + extra)).build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return SignedJWT.parse(answer.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1"));
    }

    private RSAKey signingKey(SignedJWT token) throws Exception {
        JWKSet keys = JWKSet.parse(send(HttpRequest.newBuilder(uri("/oauth2/jwks")).GET().build()).body());
        return keys.getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }
}
