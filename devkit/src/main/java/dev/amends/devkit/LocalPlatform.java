package dev.amends.devkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The infrastructure half of the run command: a Kafka broker whose log survives a restart, the
 * four service databases, the topics, and where customers' messages go on this machine (an SMTP
 * capture and an SMS provider sandbox). It writes the settings the services need to
 * {@code <data>/infra.env} once everything is ready, and stops what it started on SIGTERM/SIGINT.
 */
public final class LocalPlatform {

    /** The tenant the run command's token is for; the sample requests in the README use it. */
    public static final String LOCAL_TENANT = "local";

    /** Who signs in to the console on this machine: one member of the local tenant's staff per role. */
    static final List<LocalKeycloak.Staff> LOCAL_STAFF = List.of(
            new LocalKeycloak.Staff("supervisor", "Sam", "Supervisor", LOCAL_TENANT, List.of("supervisor")),
            new LocalKeycloak.Staff("manager", "Morgan", "Manager", LOCAL_TENANT, List.of("manager")),
            new LocalKeycloak.Staff("policy-admin", "Pat", "Policy", LOCAL_TENANT, List.of("policy-admin", "supervisor")),
            new LocalKeycloak.Staff("ops", "Olu", "Operations", LOCAL_TENANT, List.of("ops")));

    static final List<String> DATABASES = List.of("intake", "recovery", "notification", "review");

    private LocalPlatform() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> env = System.getenv();
        Path data = Path.of(env.getOrDefault("AMENDS_DATA_DIR", ".amends"));
        int kafkaPort = Integer.parseInt(env.getOrDefault("AMENDS_KAFKA_PORT", "9092"));
        int controllerPort = Integer.parseInt(env.getOrDefault("AMENDS_KAFKA_CONTROLLER_PORT", "9093"));
        String dbHost = env.getOrDefault("AMENDS_DB_HOST", "127.0.0.1");
        int dbPort = Integer.parseInt(env.getOrDefault("AMENDS_DB_PORT", "5432"));

        // The identity provider first: it takes the longest to start, and nothing waits for it but the console.
        Tokens tokens = Tokens.keptIn(data.resolve("jwt"));
        int keycloakPort = Integer.parseInt(env.getOrDefault("AMENDS_KEYCLOAK_PORT", "8180"));
        String consoleUrl = "http://localhost:" + env.getOrDefault("AMENDS_CONSOLE_PORT", "8085");
        String consoleSecret = secret(data.resolve("console-client-secret"));
        String staffPassword = secret(data.resolve("console-password"));
        LocalKeycloak started = null;
        try {
            started = LocalKeycloak.start(keycloakPort, data.resolve("keycloak"), tokens, consoleUrl, consoleSecret,
                    staffPassword, LOCAL_STAFF);
        } catch (IllegalStateException e) {
            // The API works without it; only signing in to the console needs it.
            System.out.println("amends: no Keycloak, so no signing in to the console: " + e.getMessage());
        }
        LocalKeycloak keycloak = started;
        Tokens signed = keycloak == null ? tokens : tokens.issuedBy(keycloak.issuer());

        LocalPostgres postgres;
        try {
            postgres = LocalPostgres.connect(dbHost, dbPort, env.getOrDefault("AMENDS_DB_USER", "postgres"),
                    env.getOrDefault("AMENDS_DB_PASSWORD", ""));
        } catch (LocalPostgres.Unreachable e) {
            int embeddedPort = Integer.parseInt(env.getOrDefault("AMENDS_EMBEDDED_DB_PORT", "15432"));
            System.out.println("amends: " + e.getMessage() + "; starting an embedded PostgreSQL on port "
                    + embeddedPort + " with its data in " + data.resolve("postgres")
                    + "; to use your own server instead, start it or set AMENDS_DB_HOST and AMENDS_DB_PORT.");
            postgres = LocalPostgres.embedded(embeddedPort, data.resolve("postgres"));
        }
        DATABASES.forEach(postgres::ensureDatabase);
        if (!postgres.autovacuum()) {
            // A CI server may switch it off; the platform's leases, outboxes and inboxes rewrite rows
            // all day, and without vacuum their dead versions pile up until every query crawls.
            System.out.println("amends: WARNING: PostgreSQL's autovacuum is off on " + dbHost + ":" + dbPort
                    + ". Under sustained load the platform's tables fill with dead rows and it slows down "
                    + "(a soak degrades within minutes). Turn it on: psql -c 'alter system set autovacuum = on' "
                    + "-c 'select pg_reload_conf()'");
        }

        Files.createDirectories(data.resolve("kafka"));
        LocalKafka kafka = LocalKafka.start(kafkaPort, controllerPort, data.resolve("kafka"));
        LocalKafka.createTopics(kafka.bootstrapServers());

        // Where customers' messages go on this machine: an SMTP capture readable over IMAP, and a
        // stand-in for the SMS provider that accepts every message and lists them.
        LocalSmtp smtp = LocalSmtp.start(Integer.parseInt(env.getOrDefault("AMENDS_SMTP_PORT", "3025")),
                Integer.parseInt(env.getOrDefault("AMENDS_IMAP_PORT", "3143")));
        SmsProviderStandIn sms = SmsProviderStandIn.start(Integer.parseInt(env.getOrDefault("AMENDS_SMS_PORT", "8089")));
        // Where approved review responses go: a stand-in for Google's review reply API.
        ReviewPlatformStandIn google = ReviewPlatformStandIn.start(
                Integer.parseInt(env.getOrDefault("AMENDS_GOOGLE_PORT", "8090")));
        String linkSecret = secret(data.resolve("link-secret"));
        String webhookSecret = secret(data.resolve("review-webhook-secret"));
        String contactKey = key(data.resolve("contact-key"));
        // A token for the local tenant's staff (every role) to try the API with, signed with the key
        // the local Keycloak signs with too, under its issuer.
        Files.writeString(data.resolve("local-token"),
                signed.sign(LOCAL_TENANT, "local-admin", Duration.ofDays(30), Tokens.EVERY_ROLE) + "\n");

        CountDownLatch stopped = new CountDownLatch(1);
        LocalPostgres database = postgres;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (keycloak != null) {
                keycloak.close();
            }
            smtp.close();
            sms.close();
            google.close();
            kafka.close();
            database.close();
            stopped.countDown();
        }, "amends-local-platform-stop"));

        if (keycloak != null) {
            keycloak.awaitReady(Duration.ofMinutes(3));
        }
        Path ready = data.resolve("infra.env");
        Files.writeString(ready, String.join("\n",
                "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers(),
                "AMENDS_DB_HOST=" + postgres.host(),
                "AMENDS_DB_PORT=" + postgres.port(),
                "AMENDS_DB_USER=" + postgres.user(),
                "AMENDS_DB_PASSWORD=" + postgres.password(),
                "AMENDS_SMTP_HOST=127.0.0.1",
                "AMENDS_SMTP_PORT=" + smtp.smtpPort(),
                "AMENDS_SMS_BASE_URL=" + sms.baseUrl(),
                "AMENDS_LINK_SECRET=" + linkSecret,
                "AMENDS_GOOGLE_BASE_URL=" + google.baseUrl(),
                "AMENDS_GOOGLE_TOKEN=local-sandbox",
                "AMENDS_REVIEW_WEBHOOK_SECRET=" + LOCAL_TENANT + ":" + webhookSecret,
                "AMENDS_SECURITY_JWT_KEYS=" + tokens.publicKeyLocation(),
                "AMENDS_SECURITY_JWT_ISSUER=" + signed.issuer(),
                "AMENDS_CONSOLE_OIDC_URL=" + (keycloak == null ? "" : keycloak.issuer()),
                "AMENDS_CONSOLE_OIDC_SECRET=" + consoleSecret,
                "AMENDS_CONTACT_KEY=" + contactKey,
                // On this machine one token drives everything, the load harness included.
                "AMENDS_RATE_LIMIT_PER_MINUTE=1000000") + "\n");
        System.out.println("amends: Kafka on " + kafka.bootstrapServers() + ", PostgreSQL on "
                + postgres.host() + ":" + postgres.port() + (postgres.isEmbedded() ? " (embedded)" : "")
                + ", SMTP capture on 127.0.0.1:" + smtp.smtpPort() + " (IMAP 3143), SMS sandbox on " + sms.baseUrl()
                + ", Google review replies sandbox on " + google.baseUrl() + (keycloak == null ? "" : ", Keycloak on " + keycloak.baseUrl()));
        stopped.await();
    }

    /** 32 random bytes, base64, made once per data folder: the key sealing contact details in events. */
    private static String key(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
        }
        return Files.readString(file).strip();
    }

    /** A secret made once per data folder, so links and signatures stay valid across restarts. */
    private static String secret(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, UUID.randomUUID().toString());
        }
        return Files.readString(file).strip();
    }
}
