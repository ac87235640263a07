package cn.fpr.local;

import cn.fpr.contracts.Topic;
import cn.fpr.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml and the Kubernetes manifests against the services' own configuration: every
 * service, port, health check, configuration key and topic, so that they cannot drift apart.
 */
class DeploymentConsistencyTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]");

    /** What a service's own configuration file says. */
    record ServiceConfig(String name, int port, Set<String> keys, Set<String> placeholders) {

        /** Whether an environment variable sets one of the service's settings (Spring's relaxed binding) or a placeholder in its file. */
        boolean binds(String variable) {
            String relaxed = variable.toLowerCase().replace('_', '.');
            return placeholders.contains(variable)
                    || keys.stream().anyMatch(key -> key.replace("-", "").equals(relaxed.replace("-", ""))
                    || key.replace("-", "").replace(".", "").equals(relaxed.replace(".", "")));
        }
    }

    @Test
    void every_service_of_the_compose_file_runs_as_the_service_itself_is_configured() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = cast(compose.get("services"));
        for (ServiceConfig service : services()) {
            Map<String, Object> entry = services.get(service.name());
            assertThat(entry).as(service.name() + " in docker-compose.yml").isNotNull();
            assertThat(entry.get("image")).isEqualTo("fpr/" + service.name() + ":" + version());
            assertThat((List<String>) cast(entry.get("ports"))).containsExactly(service.port() + ":" + service.port());

            Map<String, Object> environment = cast(entry.get("environment"));
            environment.keySet().forEach(variable -> assertThat(service.binds(variable))
                    .as(variable + " sets a setting of " + service.name()).isTrue());
            String store = LocalStack.database(service.name());
            assertThat(environment).containsEntry("SPRING_MONGODB_URI", "mongodb://" + store + "-mongo:27017/" + store + "?replicaSet=rs0")
                    .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "kafka:9092");
            secretsOf(service).forEach(secret -> assertThat(environment).as(service.name() + " is given " + secret).containsKey(secret));

            Map<String, Object> health = cast(entry.get("healthcheck"));
            assertThat((List<String>) cast(health.get("test")))
                    .contains("http://localhost:" + service.port() + "/actuator/health/readiness");
            Map<String, Map<String, Object>> dependsOn = cast(entry.get("depends_on"));
            assertThat(dependsOn.get("kafka-setup")).as("starts once the Kafka users and ACLs are there")
                    .containsEntry("condition", "service_completed_successfully");
            assertThat(environment).containsEntry("FPR_KAFKA_USERNAME", service.name())
                    .containsEntry("FPR_KAFKA_PASSWORD", "${" + passwordOf(service.name()) + ":?set " + passwordOf(service.name()) + "}");
            assertThat(dependsOn.get(store + "-mongo")).containsEntry("condition", "service_healthy");
            Map<String, Object> mongo = services.get(store + "-mongo");
            assertThat((List<String>) cast(mongo.get("command"))).contains("--replSet");
            assertThat(mongo).containsKey("healthcheck");
        }
    }

    @Test
    void the_local_stack_and_the_compose_file_set_the_same_keys() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = cast(compose.get("services"));
        for (ServiceConfig service : services()) {
            Set<String> composeKeys = cast(services.get(service.name()).get("environment")) instanceof Map<?, ?> env
                    ? env.keySet().stream().map(k -> k.toString().toLowerCase().replace('_', '.')).collect(Collectors.toSet()) : Set.of();
            Stream.concat(LocalStack.SERVICE_KEYS.stream(), LocalStack.SECURITY_KEYS.stream()).forEach(key -> assertThat(composeKeys)
                    .as("the local stack sets " + key + " for " + service.name() + "; so must compose").contains(key.replace('-', '.')));
            assertThat(LocalStack.SERVICES.get(service.name())).as("local stack port of " + service.name()).isEqualTo(service.port());
        }
    }

    @Test
    void compose_runs_the_token_issuer_whose_tokens_every_service_checks_and_whose_clients_get_their_secrets() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = cast(compose.get("services"));
        Map<String, Object> issuer = services.get(LocalStack.ISSUER);
        assertThat(issuer.get("image")).isEqualTo("fpr/" + LocalStack.ISSUER + ":" + version());
        Map<String, Object> issuerEnvironment = cast(issuer.get("environment"));
        String address = issuerEnvironment.get("FPR_ISSUER_URI").toString();
        assertThat((List<String>) cast(issuer.get("ports"))).containsExactly("9000:9000");
        assertThat(issuerEnvironment.get("FPR_ISSUER_DASHBOARD")).isEqualTo("http://localhost:" + LocalStack.SERVICES.get("consultation-service") + "/");
        for (ServiceConfig service : services()) {
            Map<String, Object> entry = services.get(service.name());
            assertThat((Map<String, Object>) cast(entry.get("environment"))).as(service.name())
                    .containsEntry("FPR_SECURITY_ISSUER", address)
                    .containsEntry("FPR_SECURITY_JWK_SET_URI", "http://" + LocalStack.ISSUER + ":9000/oauth2/jwks");
            Map<String, Map<String, Object>> dependsOn = cast(entry.get("depends_on"));
            assertThat(dependsOn.get(LocalStack.ISSUER)).containsEntry("condition", "service_healthy");
        }
        // every secret the clients file reads is given to the issuer, and the simulator presents its client's
        String clients = Files.readString(ROOT.resolve("deploy/issuer/compose-clients.yml"));
        Matcher placeholder = PLACEHOLDER.matcher(clients);
        while (placeholder.find()) {
            assertThat(issuerEnvironment).containsEntry(placeholder.group(1), "${" + placeholder.group(1) + ":?set " + placeholder.group(1) + "}");
        }
        Map<String, Object> simulator = services.get("simulator");
        assertThat((Map<String, Object>) cast(simulator.get("environment")))
                .containsEntry("FPR_CLIENT_SECRET", issuerEnvironment.get("FPR_ISSUER_SECRET_SIMULATOR"));
        assertThat((List<String>) cast(simulator.get("command"))).contains("--client-id=simulator", "--issuer=http://" + LocalStack.ISSUER + ":9000");
        Map<String, Object> issuerSettings = cast(path(new Yaml().load(clients), "fpr", "issuer", "clients"));
        assertThat(issuerSettings).containsKey("simulator");
    }

    @Test
    void on_kubernetes_every_service_checks_tokens_of_the_one_token_issuer() throws IOException {
        List<Map<String, Object>> resources = kubernetesResources();
        Map<String, String> issuer = environment(resource(resources, "Deployment", LocalStack.ISSUER));
        assertThat(resource(resources, "Service", LocalStack.ISSUER)).isNotNull();
        assertThat(issuer).containsKeys("FPR_ISSUER_URI", "FPR_ISSUER_DASHBOARD", "FPR_ISSUER_SIGNING_KEY", "SPRING_CONFIG_IMPORT");
        for (ServiceConfig service : services()) {
            assertThat(environment(resource(resources, "Deployment", service.name()))).as(service.name())
                    .containsEntry("FPR_SECURITY_ISSUER", issuer.get("FPR_ISSUER_URI"))
                    .containsEntry("FPR_SECURITY_JWK_SET_URI", "http://" + LocalStack.ISSUER + ":9000/oauth2/jwks");
        }
    }

    /** A Deployment's environment variables given as plain values. */
    private static Map<String, String> environment(Map<String, Object> deployment) {
        Map<String, Object> container = ((List<Map<String, Object>>) cast(path(deployment, "spec", "template", "spec", "containers"))).get(0);
        Map<String, String> values = new HashMap<>();
        for (Map<String, Object> variable : (List<Map<String, Object>>) cast(container.get("env"))) {
            if (variable.get("value") != null) {
                values.put(variable.get("name").toString(), variable.get("value").toString());
            }
        }
        return values;
    }

    @Test
    void every_service_has_a_deployment_service_and_autoscaler_in_the_kubernetes_manifests_as_it_is_configured() throws IOException {
        List<Map<String, Object>> resources = kubernetesResources();
        for (ServiceConfig service : services()) {
            Map<String, Object> deployment = resource(resources, "Deployment", service.name());
            Map<String, Object> container = ((List<Map<String, Object>>) cast(path(deployment, "spec", "template", "spec", "containers"))).get(0);
            assertThat(container.get("image").toString()).startsWith("fpr/" + service.name() + ":");
            assertThat((List<Map<String, Object>>) cast(container.get("ports"))).extracting(p -> p.get("containerPort"))
                    .containsExactly(service.port());
            for (String probe : List.of("readinessProbe", "livenessProbe")) {
                Map<String, Object> get = cast(path(container, probe, "httpGet"));
                assertThat(get.get("path").toString()).isIn("/actuator/health/readiness", "/actuator/health/liveness");
                assertThat(get.get("port")).isEqualTo(service.port());
            }
            assertThat(path(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            List<Map<String, Object>> env = cast(container.get("env"));
            Set<String> names = env.stream().map(e -> e.get("name").toString()).collect(Collectors.toSet());
            assertThat(names).contains("SPRING_MONGODB_URI", "SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS");
            names.stream().filter(name -> !name.equals("JAVA_TOOL_OPTIONS")).forEach(name ->
                    assertThat(service.binds(name)).as(name + " sets a setting of " + service.name()).isTrue());
            for (String secret : secretsOf(service)) {
                Map<String, Object> variable = env.stream().filter(e -> e.get("name").equals(secret)).findFirst().orElseThrow(
                        () -> new AssertionError(service.name() + " is not given " + secret));
                assertThat(path(variable, "valueFrom", "secretKeyRef", "key")).isEqualTo(secret);
            }

            Map<String, Object> kubeService = resource(resources, "Service", service.name());
            assertThat((List<Map<String, Object>>) cast(path(kubeService, "spec", "ports"))).extracting(p -> p.get("targetPort"))
                    .containsExactly(service.port());
            Map<String, Object> autoscaler = resource(resources, "HorizontalPodAutoscaler", service.name());
            assertThat(path(autoscaler, "spec", "scaleTargetRef", "name")).isEqualTo(service.name());
        }
    }

    @Test
    void every_topic_of_the_event_catalogue_is_declared_for_the_kafka_operator() throws IOException {
        Set<String> declared = new HashSet<>();
        for (Map<String, Object> resource : kubernetesResources()) {
            if ("KafkaTopic".equals(resource.get("kind"))) {
                Object topicName = path(resource, "spec", "topicName");
                declared.add(topicName != null ? topicName.toString() : path(resource, "metadata", "name").toString());
            }
        }
        assertThat(declared).containsAll(Topics.ALL.stream().map(Topic::name).toList());
    }

    @Test
    void the_kafka_access_list_lets_each_service_write_only_what_it_publishes_and_read_only_what_it_consumes() throws IOException {
        KafkaAccessList access = KafkaAccessList.read(ROOT);
        Map<String, Set<String>> publishers = publishers();
        for (ServiceConfig service : services()) {
            Map<String, String> bindings = bindings(service);   // destination + " " + group
            Set<String> consumed = bindings.values().stream().map(b -> b.split(" ")[0]).collect(Collectors.toSet());
            Set<String> deadLetters = bindings.values().stream().map(b -> Topics.deadLetter(b.split(" ")[0], b.split(" ")[1]))
                    .collect(Collectors.toSet());
            Set<String> own = publishers.getOrDefault(service.name(), Set.of());
            String user = service.name();

            assertThat(access.granted(user, "Write", "topic")).as(user + " writes its own topics and dead letters")
                    .isEqualTo(union(own, deadLetters));
            assertThat(access.granted(user, "Create", "topic")).isEqualTo(union(own, deadLetters));
            assertThat(access.granted(user, "Read", "topic")).as(user + " reads what it consumes and its dead letters")
                    .isEqualTo(union(consumed, deadLetters));
            assertThat(access.granted(user, "Read", "group")).containsExactly(user);
            assertThat(bindings.values()).allSatisfy(b -> assertThat(b.split(" ")[1]).as("group of " + b).startsWith(user));
            assertThat(access.grants()).filteredOn(g -> g.user().equals(user) && g.resource().equals("group"))
                    .allSatisfy(g -> assertThat(g.pattern()).isEqualTo("prefixed"));
            assertThat(access.grants()).filteredOn(g -> g.user().equals(user) && g.resource().equals("topic"))
                    .allSatisfy(g -> assertThat(g.pattern()).isEqualTo("literal"));
        }
        assertThat(access.users()).containsExactlyInAnyOrderElementsOf(union(LocalStack.SERVICES.keySet(), Set.of("department-systems")));
        assertThat(access.granted("department-systems", "Write", "topic")).isEqualTo(publishers.get("departmental systems"))
                .containsExactly(Topics.DEPARTMENT_SIGNALS.name());
        assertThat(access.grants()).filteredOn(g -> g.user().equals("department-systems")).hasSize(1);
    }

    @Test
    void compose_applies_the_kafka_access_list_with_a_password_for_every_user_and_trusts_nobody_else() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = cast(compose.get("services"));
        Map<String, Object> setup = services.get("kafka-setup");
        assertThat((List<String>) cast(setup.get("entrypoint"))).contains("/fpr/setup.sh");
        assertThat((List<String>) cast(setup.get("volumes"))).contains("./deploy/kafka:/fpr:ro");
        Map<String, Object> environment = cast(setup.get("environment"));
        for (String user : KafkaAccessList.read(ROOT).users()) {
            assertThat(environment).as("a password for " + user).containsKey(passwordOf(user));
        }
        Map<String, Object> broker = cast(services.get("kafka").get("environment"));
        assertThat(broker).containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_LISTENER_NAME_CLIENTS_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512");
        assertThat(broker.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").toString()).doesNotContain("CLIENTS:PLAINTEXT");
        assertThat(broker.get("KAFKA_CONTROLLER_QUORUM_VOTERS").toString()).endsWith("@localhost:9093");
        Map<String, Object> simulator = cast(services.get("simulator").get("environment"));
        assertThat(simulator).containsEntry("FPR_KAFKA_USERNAME", "department-systems");
    }

    @Test
    void strimzi_declares_the_same_kafka_users_and_acls_as_the_access_list() throws IOException {
        KafkaAccessList access = KafkaAccessList.read(ROOT);
        List<Map<String, Object>> resources = kubernetesResources();
        Set<String> declared = new HashSet<>();
        Set<String> users = new HashSet<>();
        for (Map<String, Object> user : resources.stream().filter(r -> "KafkaUser".equals(r.get("kind"))).toList()) {
            String name = path(user, "metadata", "name").toString();
            users.add(name);
            assertThat(path(user, "metadata", "labels", "strimzi.io/cluster")).isEqualTo("fpr-kafka");
            assertThat(path(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
            assertThat(path(user, "spec", "authorization", "type")).isEqualTo("simple");
            for (Map<String, Object> acl : (List<Map<String, Object>>) cast(path(user, "spec", "authorization", "acls"))) {
                for (Object operation : (List<?>) acl.get("operations")) {
                    declared.add(String.join("\t", name, operation.toString(), path(acl, "resource", "type").toString(),
                            path(acl, "resource", "patternType").toString(), path(acl, "resource", "name").toString()));
                }
            }
        }
        assertThat(users).isEqualTo(access.users());
        assertThat(declared).containsExactlyInAnyOrderElementsOf(access.grants().stream()
                .map(g -> String.join("\t", g.user(), g.operation(), g.resource(), g.pattern(), g.name())).toList());
        Map<String, Object> kafka = resource(resources, "Kafka", "fpr-kafka");
        assertThat(path(kafka, "spec", "kafka", "authorization", "type")).isEqualTo("simple");
        for (Map<String, Object> listener : (List<Map<String, Object>>) cast(path(kafka, "spec", "kafka", "listeners"))) {
            assertThat(path(listener, "authentication", "type")).as("listener " + listener.get("name")).isEqualTo("scram-sha-512");
            assertThat(listener.get("tls")).as("listener " + listener.get("name")).isEqualTo(true);
        }
        for (ServiceConfig service : services()) {
            List<Map<String, Object>> env = cast(path(((List<Map<String, Object>>) cast(path(resource(resources, "Deployment", service.name()),
                    "spec", "template", "spec", "containers"))).get(0), "env"));
            Map<String, Object> variables = new HashMap<>();
            env.forEach(e -> variables.put(e.get("name").toString(), e.containsKey("value") ? e.get("value") : e.get("valueFrom")));
            assertThat(variables).containsEntry("FPR_KAFKA_USERNAME", service.name())
                    .containsEntry("FPR_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "fpr-kafka-kafka-bootstrap:9093");
            assertThat(path(variables.get("FPR_KAFKA_PASSWORD"), "secretKeyRef", "name")).isEqualTo(service.name());
            assertThat(path(variables.get("FPR_KAFKA_PASSWORD"), "secretKeyRef", "key")).isEqualTo("password");
        }
    }

    /** The environment variable holding a Kafka user's password in compose. */
    private static String passwordOf(String user) {
        return "KAFKA_PASSWORD_" + user.toUpperCase().replace('-', '_');
    }

    /** The event catalogue's publishers and the topics each publishes. */
    private static Map<String, Set<String>> publishers() throws IOException {
        Map<String, Object> asyncapi = new Yaml().load(Files.readString(ROOT.resolve("shared-contracts/asyncapi.yaml")));
        Map<String, Map<String, Object>> channels = cast(asyncapi.get("channels"));
        Map<String, Set<String>> publishers = new HashMap<>();
        for (Map<String, Object> operation : ((Map<String, Map<String, Object>>) cast(asyncapi.get("operations"))).values()) {
            if ("send".equals(operation.get("action"))) {
                String publisher = operation.get("summary").toString().replaceFirst("^published by ", "");
                String channel = path(operation, "channel", "$ref").toString().replace("#/channels/", "");
                publishers.computeIfAbsent(publisher, p -> new HashSet<>()).add(channels.get(channel).get("address").toString());
            }
        }
        return publishers;
    }

    /** A service's consumer bindings: name → "destination group". */
    private static Map<String, String> bindings(ServiceConfig service) throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(ROOT.resolve("services/" + service.name() + "/src/main/resources/"
                + LocalStack.database(service.name()) + ".yml")));
        Map<String, Map<String, Object>> bindings = cast(path(yaml, "spring", "cloud", "stream", "bindings"));
        Map<String, String> result = new HashMap<>();
        bindings.forEach((name, binding) -> result.put(name, binding.get("destination") + " " + binding.get("group")));
        return result;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }

    // --- reading

    private static List<ServiceConfig> services() throws IOException {
        List<ServiceConfig> services = new ArrayList<>();
        for (String name : LocalStack.SERVICES.keySet()) {
            Path file = ROOT.resolve("services/" + name + "/src/main/resources/" + LocalStack.database(name) + ".yml");
            String text = Files.readString(file);
            Map<String, Object> yaml = new Yaml().load(text);
            Set<String> keys = new HashSet<>();
            flatten("", yaml, keys);
            Set<String> placeholders = new HashSet<>();
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                placeholders.add(matcher.group(1));
            }
            // the platform's settings are every service's too
            java.util.Properties defaults = new java.util.Properties();
            try (var in = Files.newInputStream(ROOT.resolve("services/platform/src/main/resources/fpr-platform-defaults.properties"))) {
                defaults.load(in);
            }
            keys.addAll(defaults.stringPropertyNames());
            int port = (Integer) path(yaml, "server", "port");
            services.add(new ServiceConfig(name, port, keys, placeholders));
        }
        return services;
    }

    /** Secrets a service reads from the environment: the placeholders in its file named ..._KEY. */
    private static Set<String> secretsOf(ServiceConfig service) {
        return service.placeholders().stream().filter(name -> name.endsWith("_KEY")).collect(Collectors.toSet());
    }

    private static void flatten(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String name = prefix.isEmpty() ? key.toString() : prefix + "." + key;
                keys.add(name);
                flatten(name, value, keys);
            });
        }
    }

    private static List<Map<String, Object>> kubernetesResources() throws IOException {
        Path base = ROOT.resolve("deploy/k8s/base");
        Map<String, Object> kustomization = new Yaml().load(Files.readString(base.resolve("kustomization.yaml")));
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object file : (List<?>) kustomization.get("resources")) {
            for (Object document : new Yaml().loadAll(Files.readString(base.resolve(file.toString())))) {
                if (document != null) {
                    resources.add(cast(document));
                }
            }
        }
        return resources;
    }

    private static Map<String, Object> resource(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.get("kind")) && name.equals(path(r, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s/base"));
    }

    private static Object path(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static String version() throws IOException {
        Matcher matcher = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        matcher.find();
        matcher.find();   // the first is the parent's
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
