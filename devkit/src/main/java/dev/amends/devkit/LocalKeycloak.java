package dev.amends.devkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenID Connect provider on this machine: Keycloak, from the distribution Maven Central
 * publishes, with one realm for Amends staff. It signs with the same key pair as {@link Tokens},
 * so the services trust both its tokens and the run command's, under one issuer. The realm is
 * imported anew at every start into an in-memory database: what it holds is what the caller says.
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final String REALM = "amends";
    /** The console's client: confidential, authorization code flow only. */
    public static final String CONSOLE_CLIENT = "amends-console";

    /** A member of a tenant's staff, as the organisation's directory would know them. */
    public record Staff(String username, String firstName, String lastName, String tenant, List<String> roles) {
    }

    private final Process process;
    private final int port;
    private final Path log;

    private LocalKeycloak(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The issuer of a realm served on {@code port}: what the services are told to expect. */
    public static String issuerAt(int port) {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /**
     * Starts Keycloak on loopback {@code port} from a copy of the distribution under {@code home}
     * (unpacked there the first time), for a console at {@code consoleUrl}; returns at once,
     * {@link #awaitReady} waits for it.
     */
    public static LocalKeycloak start(int port, Path home, Tokens tokens, String consoleUrl, String clientSecret,
            String password, List<Staff> staff) {
        try {
            Path distribution = unpacked(home);
            Path imports = distribution.resolve("data/import");
            Files.createDirectories(imports);
            Files.writeString(imports.resolve(REALM + "-realm.json"),
                    realm(tokens, consoleUrl, clientSecret, password, staff));
            Path log = home.resolve("keycloak-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(distribution.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://localhost:" + port,
                    "--db=dev-mem", "--import-realm", "--log-level=WARN")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().put("JAVA_HOME", java21().toString());
            // Two cores and a shared machine: a small heap, and no waiting for entropy.
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            return new LocalKeycloak(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak", e);
        }
    }

    public String issuer() {
        return issuerAt(port);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Waits until the realm's discovery document is served. */
    public LocalKeycloak awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak is not ready after " + timeout + "; see " + log);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return this;
    }

    private boolean ready() {
        return HttpProbe.answers(issuer() + "/.well-known/openid-configuration");
    }

    @Override
    public void close() {
        // kc.sh runs Keycloak as its child: stop the whole tree, Keycloak first.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String realm(Tokens tokens, String consoleUrl, String clientSecret, String password,
            List<Staff> staff) throws IOException {
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", REALM);
        realm.put("enabled", true);
        realm.put("displayName", "Amends");
        realm.put("roles", Map.of("realm", Stream.of(Tokens.EVERY_ROLE).map(role -> Map.of("name", role)).toList()));
        realm.put("components", Map.of("org.keycloak.keys.KeyProvider", List.of(Map.of(
                "name", "amends-shared-key",
                "providerId", "rsa",
                "config", Map.of("privateKey", List.of(tokens.privateKeyPem()), "priority", List.of("1000"),
                        "algorithm", List.of("RS256"))))));
        Map<String, Object> console = new LinkedHashMap<>();
        console.put("clientId", CONSOLE_CLIENT);
        console.put("name", "Amends console");
        console.put("enabled", true);
        console.put("publicClient", false);
        console.put("secret", clientSecret);
        console.put("standardFlowEnabled", true);
        console.put("directAccessGrantsEnabled", false);
        console.put("redirectUris", List.of(consoleUrl + "/*"));
        console.put("webOrigins", List.of(consoleUrl));
        console.put("attributes", Map.of("post.logout.redirect.uris", consoleUrl + "/*",
                "pkce.code.challenge.method", "S256"));
        console.put("protocolMappers", List.of(
                mapper("groups", "oidc-usermodel-realm-role-mapper", Map.of("claim.name", "groups",
                        "multivalued", "true")),
                mapper("tenant", "oidc-usermodel-attribute-mapper", Map.of("user.attribute", "tenant",
                        "claim.name", "tenant")),
                mapper("upn", "oidc-usermodel-property-mapper", Map.of("user.attribute", "username",
                        "claim.name", "upn")),
                mapper("amends audience", "oidc-audience-mapper", Map.of("included.custom.audience",
                        Tokens.AUDIENCE))));
        realm.put("clients", List.of(console));
        List<Map<String, Object>> users = new ArrayList<>();
        for (Staff member : staff) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", member.username());
            user.put("enabled", true);
            user.put("email", member.username() + "@" + member.tenant() + ".amends.test");
            user.put("emailVerified", true);
            user.put("firstName", member.firstName());
            user.put("lastName", member.lastName());
            user.put("attributes", Map.of("tenant", List.of(member.tenant())));
            user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
            user.put("realmRoles", member.roles());
            users.add(user);
        }
        realm.put("users", users);
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(realm);
    }

    private static Map<String, Object> mapper(String name, String type, Map<String, String> config) {
        Map<String, String> all = new LinkedHashMap<>(config);
        all.put("access.token.claim", "true");
        all.put("id.token.claim", "true");
        all.put("jsonType.label", "String");
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", type, "config", all);
    }

    /** The distribution under {@code home}, unpacked from the local Maven repository the first time. */
    private static Path unpacked(Path home) throws IOException {
        Properties build = new Properties();
        try (InputStream in = LocalKeycloak.class.getResourceAsStream("keycloak.properties")) {
            build.load(in);
        }
        String version = build.getProperty("version");
        Path distribution = home.resolve("keycloak-" + version);
        if (Files.isExecutable(distribution.resolve("bin/kc.sh"))) {
            return distribution;
        }
        Path archive = Path.of(build.getProperty("distribution"));
        if (!Files.exists(archive)) {
            throw new IllegalStateException(archive + " is missing: build the project once online (./mvnw package)");
        }
        Files.createDirectories(home);
        try {
            Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", home.toString()).inheritIO().start();
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("could not unpack " + archive);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return distribution;
    }

    /** Keycloak needs Java 21 or newer: AMENDS_KEYCLOAK_JAVA_HOME, this JVM, or one under /usr/lib/jvm. */
    static Path java21() throws IOException {
        String configured = System.getenv("AMENDS_KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> candidates = Files.list(jvms)) {
                for (Path candidate : candidates.sorted().toList()) {
                    if (feature(candidate) >= 21 && Files.isExecutable(candidate.resolve("bin/java"))) {
                        return candidate;
                    }
                }
            }
        }
        throw new IllegalStateException("Keycloak needs Java 21 or newer and none was found: install one, or set "
                + "AMENDS_KEYCLOAK_JAVA_HOME to its home");
    }

    private static int feature(Path javaHome) {
        Path release = javaHome.resolve("release");
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
