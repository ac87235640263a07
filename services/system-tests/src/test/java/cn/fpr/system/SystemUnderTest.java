package cn.fpr.system;

import cn.fpr.consultation.ConsultationApplication;
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
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
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
