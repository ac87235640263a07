package cn.fpr.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;
import java.util.List;

/**
 * Base of a test that runs one service (a {@code @SpringBootTest} on a random port) on the shared
 * broker and store, and talks to it over HTTP as its users would.
 */
@RealInfrastructure
public abstract class ServiceIntegrationTest {

    @Value("${local.server.port}")
    private int port;

    /** A client of the service under test. */
    protected WebTestClient http;
    /** A client of the service under test that presents no token. */
    protected WebTestClient tokenless;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureProperties.register(registry, "service_under_test");
    }

    @BeforeEach
    void httpClient() {
        http = client(port);
        tokenless = anonymous(port);
    }

    /** A client of the service under test presenting a token of these roles in a region, with the subject given. */
    protected WebTestClient as(String subject, String region, String... roles) {
        return tokenless.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(subject, List.of(roles), region))
                .build();
    }

    /** A client of a service listening on the port on this machine, with a token of every role in the whole country. */
    public static WebTestClient client(int port) {
        return anonymous(port).mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.everything()).build();
    }

    /**
     * A client without a token. Each request has a connection of its own, not one from a shared
     * pool: a test that checks only a response's status leaves its body unread, which can hold a
     * pooled connection, and a later request of the same test JVM would then wait for one.
     */
    public static WebTestClient anonymous(int port) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()))
                .baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }
}
