package cn.fpr.system;

import cn.fpr.testsupport.RealInfrastructure;
import cn.fpr.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, and about which place. Endpoint by endpoint, as the five services' API descriptions list them (each
 * operation names its roles, {@code x-roles}): no token, 401; a token of every role but the ones
 * the endpoint allows, 403; a token of the roles it allows gets past both (whatever the made-up
 * path and body then earn). Partners' endpoints take the partner API's own tokens: 401 without.
 * The dashboard's sign-in settings are the one open operation. Then, operation by operation, a
 * caller of another region is answered as if the object did not exist ({@link RegionTable}).
 */
@RealInfrastructure
class AccessTableIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static SystemUnderTest system;

    @BeforeAll
    static void startServices() {
        // thousands of requests from one client in seconds: the rate limit (tested in WebLimitsIT) would answer 429 before what is checked here
        system = SystemUnderTest.start("_access", "--fpr.web.rate-limit=1000000");
    }

    @AfterAll
    static void stopServices() {
        system.close();
    }

    @Test
    void every_endpoint_answers_401_without_a_token_403_to_roles_it_does_not_allow_and_lets_its_own_roles_through() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, WebTestClient> service : system.clients().entrySet()) {
            WebTestClient client = service.getValue();
            JsonNode api = JSON.readTree(client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody());
            for (var path : api.path("paths").properties()) {
                for (var entry : path.getValue().properties()) {
                    HttpMethod method = HttpMethod.valueOf(entry.getKey().toUpperCase());
                    JsonNode operation = entry.getValue();
                    String uri = path.getKey().replaceAll("\\{[^}]+}", "x1");
                    String where = method + " " + service.getKey() + path.getKey();
                    // a body of the media type the operation reads, so that the request reaches its handler's check
                    String mediaType = operation.path("requestBody").path("content").propertyNames().stream().findFirst().orElse(null);
                    boolean stream = operation.path("responses").toString().contains("text/event-stream");
                    if (path.getKey().endsWith("/oauth2/token")) {
                        continue;   // where partners get their tokens
                    }
                    if (!path.getKey().startsWith("/api/") && !path.getKey().startsWith("/partner/")) {
                        // the dashboard's sign-in settings: open, like its files, and holding no data
                        assertThat(path.getKey()).isEqualTo("/dashboard/sign-in");
                        assertThat(status(client, method, uri, null, null)).isEqualTo(200);
                        continue;
                    }
                    checked++;
                    int anonymous = status(client, method, uri, mediaType, null);
                    if (anonymous != 401) {
                        failures.add(where + " without a token: " + anonymous);
                    }
                    if (path.getKey().startsWith("/partner/")) {
                        continue;
                    }
                    List<String> roles = new ArrayList<>();
                    operation.path("x-roles").forEach(role -> roles.add(role.asString()));
                    if (roles.isEmpty()) {
                        failures.add(where + " names no role");
                        continue;
                    }
                    List<String> others = TestTokens.ALL_ROLES.stream().filter(role -> !roles.contains(role)).toList();
                    if (!others.isEmpty()) {
                        int refused = status(client, method, uri, mediaType, TestTokens.token("access-table", others, "000000"));
                        if (refused != 403) {
                            failures.add(where + " with roles " + others + ": " + refused);
                        }
                    }
                    if (!stream) {
                        for (String role : roles) {
                            int allowed = status(client, method, uri, mediaType, TestTokens.token("access-table", List.of(role), "000000",
                                    Map.of("department", "MEDICAL_INSURANCE")));
                            if (allowed == 401 || allowed == 403) {
                                failures.add(where + " with its role " + role + ": " + allowed);
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("access table: %d operations checked%n", checked);
        assertThat(checked).isGreaterThan(90);
        assertThat(failures).isEmpty();
    }

    @Test
    void every_operation_answers_another_regions_caller_as_if_the_object_did_not_exist_and_the_objects_own_region_succeeds() {
        RegionTable table = new RegionTable(system.clients());
        table.play();
        List<String> failures = new ArrayList<>(table.failures());
        // every operation of the API descriptions is played, or is listed as not about one place with the reason
        for (Map.Entry<String, WebTestClient> service : system.clients().entrySet()) {
            JsonNode api = JSON.readTree(service.getValue().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody());
            for (var path : api.path("paths").properties()) {
                for (var entry : path.getValue().properties()) {
                    String operation = entry.getKey().toUpperCase() + " " + service.getKey() + " " + path.getKey();
                    boolean exempt = RegionTable.NOT_OF_A_PLACE.containsKey(operation) || RegionTable.operatorsOnly(entry.getValue())
                            || path.getKey().equals("/dashboard/sign-in") || path.getKey().endsWith("/oauth2/token");
                    if (!exempt && !table.checked().containsKey(operation)) {
                        failures.add(operation + " is neither played nor listed as not about one place");
                    }
                }
            }
        }
        System.out.printf("region table: %d operations played, %d not about one place%n", table.checked().size(),
                RegionTable.NOT_OF_A_PLACE.size());
        assertThat(failures).isEmpty();
    }

    private static int status(WebTestClient client, HttpMethod method, String uri, String mediaType, String token) {
        WebTestClient.RequestBodySpec request = client.mutate().defaultHeaders(headers -> {
            headers.remove(HttpHeaders.AUTHORIZATION);
            if (token != null) {
                headers.setBearerAuth(token);
            }
        }).build().method(method).uri(uri);
        WebTestClient.RequestHeadersSpec<?> ready = mediaType == null ? request
                : request.contentType(MediaType.parseMediaType(mediaType)).bodyValue(mediaType.contains("json") ? "{}" : "x");
        return ready.exchange().expectBody().returnResult().getStatus().value();
    }
}
