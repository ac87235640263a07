package cn.fpr.simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A system's access token from the token issuer, by the client credentials grant (RFC 6749 §4.4),
 * kept until a minute before it expires and then fetched again: what the simulator, the
 * fault-injection driver and the tests present to the services, as any departmental or office
 * system would.
 */
public final class AccessToken {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final String clientId;
    private final String secret;
    private String value;
    private Instant renewAt = Instant.MIN;

    /**
     * @param issuer   the issuer's address ({@code http://localhost:9000}); its token endpoint is {@code /oauth2/token}
     * @param clientId the system's client ID at the issuer
     * @param secret   its secret
     */
    public AccessToken(HttpClient http, String issuer, String clientId, String secret) {
        this.http = http;
        this.tokenEndpoint = URI.create(issuer.replaceAll("/$", "") + "/oauth2/token");
        this.clientId = clientId;
        this.secret = secret;
    }

    /** The {@code Authorization} header's value: {@code Bearer …}. */
    public synchronized String header() {
        if (Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return "Bearer " + value;
    }

    private void fetch() {
        String credentials = Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the token issuer refused client " + clientId + ": " + response.statusCode() + " "
                        + response.body());
            }
            JsonNode token = JSON.readTree(response.body());
            value = token.path("access_token").asString();
            renewAt = Instant.now().plusSeconds(Math.max(0, token.path("expires_in").asLong(300) - 60));
        } catch (IOException e) {
            throw new IllegalStateException("the token issuer at " + tokenEndpoint + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Client IDs and secrets are form-encoded before Basic authentication (RFC 6749 §2.3.1). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
