package cn.fpr.local;

import cn.fpr.consultation.ConsultationApplication;
import cn.fpr.cooperation.CooperationApplication;
import cn.fpr.employment.EmploymentApplication;
import cn.fpr.industry.IndustryApplication;
import cn.fpr.monitoring.MonitoringApplication;
import cn.fpr.testsupport.EmbeddedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Development stack in one JVM: a real Apache Kafka broker (KRaft) and mongo-java-server (in
 * memory: data is gone when it stops), then the five services as separate application contexts,
 * each with its own database, on their usual ports. The one-command local stack with separate
 * processes and persistent data is a later step (see README).
 */
public final class LocalStack implements AutoCloseable {

    /** Ports of the store and the services; 0 picks a free one (tests). The broker always takes a free port, printed at start. */
    public record Ports(int mongo, Map<String, Integer> services) {

        public static Ports standard() {
            return new Ports(27017, Map.of("consultation", 8080, "monitoring", 8081, "industry", 8082,
                    "employment", 8083, "cooperation", 8084));
        }

        public static Ports any() {
            return new Ports(0, Map.of("consultation", 0, "monitoring", 0, "industry", 0, "employment", 0, "cooperation", 0));
        }
    }

    private static final Map<String, Supplier<SpringApplicationBuilder>> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("monitoring", MonitoringApplication::application);
        SERVICES.put("industry", IndustryApplication::application);
        SERVICES.put("employment", EmploymentApplication::application);
        SERVICES.put("cooperation", CooperationApplication::application);
        SERVICES.put("consultation", ConsultationApplication::application);
    }

    private final EmbeddedInfrastructure infrastructure;
    private final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();

    private LocalStack(EmbeddedInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    public static LocalStack start(Ports ports) {
        LocalStack stack = new LocalStack(EmbeddedInfrastructure.start(ports.mongo()));
        SERVICES.forEach((name, application) -> stack.running.put(name,
                application.get().run(stack.arguments(name, ports.services().get(name)))));
        return stack;
    }

    /** The port a service listens on. */
    public int port(String service) {
        return Integer.parseInt(running.get(service).getEnvironment().getProperty("local.server.port"));
    }

    public List<String> services() {
        return List.copyOf(running.keySet());
    }

    public String infrastructure() {
        return infrastructure.description();
    }

    private String[] arguments(String service, int port) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=" + port);
        arguments.add("--spring.mongodb.uri=" + infrastructure.mongoUri(service));
        arguments.add("--spring.cloud.stream.kafka.binder.brokers=" + infrastructure.kafkaBootstrapServers());
        return arguments.toArray(String[]::new);
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> contexts = new ArrayList<>(running.values());
        java.util.Collections.reverse(contexts);
        contexts.forEach(ConfigurableApplicationContext::close);
        running.clear();
        infrastructure.stop();
    }

    public static void main(String[] args) {
        LocalStack stack = start(Ports.standard());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        System.out.println();
        System.out.println("fpr local stack is up on " + stack.infrastructure());
        stack.services().forEach(service -> System.out.printf("  %-13s http://localhost:%d  (health: /actuator/health)%n",
                service, stack.port(service)));
        System.out.println("Press Ctrl-C to stop.");
    }
}
