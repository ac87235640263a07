package cn.fpr.system;

import cn.fpr.consultation.ConsultationApplication;
import cn.fpr.contracts.CaseStep;
import cn.fpr.cooperation.CooperationApplication;
import cn.fpr.employment.EmploymentApplication;
import cn.fpr.industry.IndustryApplication;
import cn.fpr.monitoring.MonitoringApplication;
import cn.fpr.testsupport.FixedClock;
import cn.fpr.testsupport.InfrastructureProperties;
import cn.fpr.testsupport.MutableClock;
import cn.fpr.testsupport.ServiceIntegrationTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.time.LocalDate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The five services on the shared broker and store, each with its own database, sharing one
 * clock the test moves, started as a deployment would start them (command-line arguments).
 */
final class SystemUnderTest implements AutoCloseable {

    static final Map<String, Supplier<SpringApplicationBuilder>> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("monitoring", MonitoringApplication::application);
        SERVICES.put("employment", EmploymentApplication::application);
        SERVICES.put("industry", IndustryApplication::application);
        SERVICES.put("cooperation", CooperationApplication::application);
        SERVICES.put("consultation", ConsultationApplication::application);
    }

    final MutableClock clock = new MutableClock(FixedClock.NOW, FixedClock.ZONE);
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final Map<String, WebTestClient> clients = new LinkedHashMap<>();

    /** Starts the five services; their databases are named {@code <service><suffix>}. */
    static SystemUnderTest start(String databaseSuffix, String... extraArguments) {
        SystemUnderTest system = new SystemUnderTest();
        SERVICES.forEach((name, application) -> system.start(name, application.get(), name + databaseSuffix, extraArguments));
        return system;
    }

    WebTestClient client(String service) {
        return clients.get(service);
    }

    Map<String, WebTestClient> clients() {
        return Map.copyOf(clients);
    }

    /** Registers an eastern region's system with the cooperation service and signs it in with its client credentials. */
    WebTestClient partner(String partnerId, String regionCode) {
        WebTestClient cooperation = client("cooperation");
        Map<?, ?> credentials = cooperation.post().uri("/api/v1/partners").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("partnerId", partnerId, "name", partnerId, "regionCode", regionCode)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> token = cooperation.post().uri("/partner/v1/oauth2/token")
                .headers(h -> h.setBasicAuth(partnerId, (String) credentials.get("clientSecret")))
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return cooperation.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.get("access_token")).build();
    }

    /** A step of a case approved in monitoring by the role that takes it (the test client carries every role). */
    void approve(String caseId, CaseStep step, LocalDate noticePostedOn) {
        Map<String, Object> body = new HashMap<>(Map.of("step", step, "decision", "APPROVE", "reason", "checked: " + step,
                "authorisationSigned", true));
        if (noticePostedOn != null) {
            body.put("noticePostedOn", noticePostedOn.toString());
        }
        client("monitoring").post().uri("/api/v1/cases/{id}/steps", caseId).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk();
    }

    private void start(String name, SpringApplicationBuilder service, String database, String... extraArguments) {
        // command-line arguments outrank the service's own configuration file, as they would in a deployment
        Stream<String> arguments = Stream.of(Stream.of("--server.port=0"),
                InfrastructureProperties.of(database).entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()),
                Stream.of(extraArguments)).flatMap(s -> s);
        // one clock for the whole system, moved by the test
        ConfigurableApplicationContext context = service
                .initializers(starting -> starting.getBeanFactory().registerSingleton("clock", clock))
                .run(arguments.toArray(String[]::new));
        contexts.add(context);
        clients.put(name, ServiceIntegrationTest.client(Integer.parseInt(context.getEnvironment().getProperty("local.server.port"))));
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }
}
