package cn.fpr.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The token issuer's settings for the local stack: a client for each role (and one for the
 * simulator), people who sign in to the dashboard, and a signing key. Secrets and passwords are
 * made at random on the first start and kept in the stack's home ({@code issuer/credentials.properties},
 * readable by its owner only), so that tokens outlive a restart and nothing secret is in the
 * repository.
 */
final class LocalIssuer {

    /**
     * A system that may get tokens.
     *
     * @param department a departmental system's department, or null
     */
    record Client(String id, List<String> roles, String region, String department) {
    }

    /** A person who signs in to the dashboard. */
    record Person(String name, List<String> roles, String region) {
    }

    /** The clients: one per role (in a county of Guizhou, where the roles are local), and the simulator. */
    static final List<Client> CLIENTS = List.of(
            new Client("simulator", List.of("DEPARTMENT", "VILLAGE_CADRE", "TOWNSHIP_REVIEWER", "COUNTY_OFFICIAL", "PROVINCE_ADMIN"),
                    "000000", "MEDICAL_INSURANCE"),
            new Client("medical-insurance", List.of("DEPARTMENT"), "000000", "MEDICAL_INSURANCE"),
            new Client("village-cadre", List.of("VILLAGE_CADRE"), "520526100201", null),
            new Client("township-reviewer", List.of("TOWNSHIP_REVIEWER"), "520526100", null),
            new Client("county-official", List.of("COUNTY_OFFICIAL"), "520526", null),
            new Client("province-admin", List.of("PROVINCE_ADMIN"), "520000", null),
            new Client("dashboard-system", List.of("DASHBOARD_VIEWER"), "520000", null),
            new Client("operator", List.of("OPERATOR"), "000000", null));

    /** The dashboard's people: a viewer of the whole country and one of Guizhou. */
    static final List<Person> PEOPLE = List.of(
            new Person("viewer", List.of("DASHBOARD_VIEWER"), "000000"),
            new Person("guizhou-viewer", List.of("DASHBOARD_VIEWER"), "520000"));

    private final Path dir;
    private final Map<String, String> credentials;

    private LocalIssuer(Path dir, Map<String, String> credentials) {
        this.dir = dir;
        this.credentials = credentials;
    }

    /** The issuer's settings in the stack's home, made on the first start and read back afterwards. */
    static LocalIssuer in(Path home) throws IOException {
        Path dir = Files.createDirectories(home.resolve("issuer"));
        Path file = dir.resolve("credentials.properties");
        Properties kept = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                kept.load(in);
            }
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        SecureRandom random = new SecureRandom();
        CLIENTS.forEach(client -> credentials.put(client.id(), kept.getProperty(client.id(), secret(random))));
        PEOPLE.forEach(person -> credentials.put(person.name(), kept.getProperty(person.name(), secret(random))));
        if (!credentials.keySet().stream().allMatch(kept::containsKey)) {
            Properties all = new Properties();
            all.putAll(credentials);
            writePrivate(file, writer -> all.store(writer, "the local stack's client secrets and dashboard passwords (made at random)"));
        }
        LocalIssuer issuer = new LocalIssuer(dir, credentials);
        if (!Files.exists(issuer.signingKey())) {
            issuer.makeSigningKey();
        }
        return issuer;
    }

    /** A client's secret or a person's password. */
    String secret(String name) {
        String secret = credentials.get(name);
        if (secret == null) {
            throw new IllegalArgumentException("no client or person named " + name + " in the local issuer");
        }
        return secret;
    }

    Path credentialsFile() {
        return dir.resolve("credentials.properties");
    }

    /**
     * The issuer's arguments: its address, the dashboard's return address, its key, and its
     * clients and people (in a file, so that no secret shows in the process list).
     */
    List<String> arguments(int port, String dashboard) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Client client : CLIENTS) {
            String prefix = "fpr.issuer.clients." + client.id() + ".";
            lines.add(prefix + "secret={noop}" + secret(client.id()));
            lines.add(prefix + "roles=" + String.join(",", client.roles()));
            lines.add(prefix + "region=" + client.region());
            if (client.department() != null) {
                lines.add(prefix + "department=" + client.department());
            }
        }
        for (Person person : PEOPLE) {
            String prefix = "fpr.issuer.people." + person.name() + ".";
            lines.add(prefix + "password={noop}" + secret(person.name()));
            lines.add(prefix + "roles=" + String.join(",", person.roles()));
            lines.add(prefix + "region=" + person.region());
        }
        Path settings = dir.resolve("issuer.properties");
        writePrivate(settings, writer -> writer.write(String.join("\n", lines) + "\n"));
        return List.of("--server.port=" + port,
                "--spring.security.oauth2.authorizationserver.issuer=" + address(port),
                "--fpr.issuer.dashboard=" + dashboard,
                "--fpr.issuer.signing-key=" + signingKey(),
                "--spring.config.import=file:" + settings);
    }

    static String address(int port) {
        return "http://localhost:" + port;
    }

    private Path signingKey() {
        return dir.resolve("signing-key.pem");
    }

    private void makeSigningKey() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
            writePrivate(signingKey(), writer -> writer.write(pem));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private interface Content {
        void write(java.io.Writer writer) throws IOException;
    }

    /** A file only its owner may read. */
    private static void writePrivate(Path file, Content content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var writer = Files.newBufferedWriter(file)) {
            content.write(writer);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
