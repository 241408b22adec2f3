package dev.amends.system;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.FreePort;
import dev.amends.devkit.LocalKeycloak;
import dev.amends.devkit.LocalPostgres;
import dev.amends.devkit.LocalSmtp;
import dev.amends.devkit.ReviewPlatformStandIn;
import dev.amends.devkit.SignedIn;
import dev.amends.devkit.TestInfrastructure;
import dev.amends.devkit.Tokens;
import java.time.Duration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four packaged services, each its own process on a free port (so a platform started by
 * ./run.sh is left alone), with system-test databases of their own. The shared platform runs on the
 * test run's broker and database server; the one for fault tests on servers of its own, which the
 * tests stop and restart.
 */
final class RunningPlatform {

    static final List<String> SERVICES = List.of("intake-service", "recovery-service", "notification-service",
            "review-service");
    private static RunningPlatform shared;
    private static RunningPlatform onServersOfItsOwn;

    private final String label;
    private final String kafkaBootstrapServers;
    private final LocalPostgres postgres;
    private final ServersOfItsOwn servers;
    static final String REVIEW_WEBHOOK_SECRET = "system-tests-review-secret";

    /**
     * The identity provider the console signs in with. Its port is chosen before any test signs a
     * token, so that the test tokens and Keycloak's carry the one issuer every platform here trusts.
     */
    static final int KEYCLOAK_PORT = FreePort.pick();
    static final String STAFF_PASSWORD = "system-tests-only";
    static final String POLICY_TENANT = "console-policy";
    static final String CONSOLE_SECRET = "system-tests-console-secret";
    static final List<LocalKeycloak.Staff> STAFF = List.of(
            new LocalKeycloak.Staff("sam", "Sam", "Supervisor", SignedIn.TENANT, List.of("supervisor")),
            new LocalKeycloak.Staff("morgan", "Morgan", "Manager", SignedIn.TENANT, List.of("manager")),
            new LocalKeycloak.Staff("olu", "Olu", "Operations", SignedIn.TENANT, List.of("ops")),
            new LocalKeycloak.Staff("pat", "Pat", "Policy", SignedIn.TENANT, List.of("policy-admin", "supervisor")),
            new LocalKeycloak.Staff("crm", "Zendesk", "Integration", SignedIn.TENANT, List.of("crm-client")),
            // A policy admin of a tenant of their own, whose policy the tests may change.
            new LocalKeycloak.Staff("quinn", "Quinn", "Policy", POLICY_TENANT, List.of("policy-admin")));

    static {
        System.setProperty(Tokens.TEST_ISSUER_PROPERTY, LocalKeycloak.issuerAt(KEYCLOAK_PORT));
    }

    private LocalKeycloak keycloak;
    private ServiceProcess console;

    private final LocalSmtp smtp = LocalSmtp.start(0, -1);
    private final ReviewPlatformStandIn google = ReviewPlatformStandIn.start(0);
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final Map<String, Integer> instances = new HashMap<>();

    private RunningPlatform(String label, String kafkaBootstrapServers, LocalPostgres postgres,
            ServersOfItsOwn servers) {
        this.label = label;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.postgres = postgres;
        this.servers = servers;
    }

    static synchronized RunningPlatform shared() {
        if (shared == null) {
            TestInfrastructure infrastructure = TestInfrastructure.shared();
            shared = new RunningPlatform("shared", infrastructure.kafkaBootstrapServers(),
                    infrastructure.postgres(), null);
            int consolePort = freePort();
            shared.keycloak = LocalKeycloak.start(KEYCLOAK_PORT, root().resolve("system-tests/target/keycloak"),
                    Tokens.test(), "http://localhost:" + consolePort, CONSOLE_SECRET, STAFF_PASSWORD, STAFF);
            shared.consolePort = consolePort;
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "amends-system-test-stop"));
        }
        return shared;
    }

    /** A platform whose broker and database server the fault tests may stop and restart. */
    static synchronized RunningPlatform onServersOfItsOwn() {
        if (onServersOfItsOwn == null) {
            ServersOfItsOwn servers = new ServersOfItsOwn();
            onServersOfItsOwn = new RunningPlatform("faults", servers.kafkaBootstrapServers(), servers.postgres(),
                    servers);
            onServersOfItsOwn.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                onServersOfItsOwn.stop();
                servers.close();
            }, "amends-fault-platform-stop"));
        }
        return onServersOfItsOwn;
    }

    /** The broker and database server of a platform started {@link #onServersOfItsOwn()}. */
    ServersOfItsOwn servers() {
        if (servers == null) {
            throw new IllegalStateException("the shared platform's servers are not this test's to stop");
        }
        return servers;
    }

    List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    /** Another instance of a service, sharing its database and consumer group with the first. */
    ServiceProcess anotherInstanceOf(String name) {
        ServiceProcess instance = new ServiceProcess(name, label, root(), freePort(), instance(name));
        instance.start();
        instance.awaitReady();
        return instance;
    }

    private int consolePort;

    /** The packaged console on this platform, signing in with the test run's Keycloak; started on first use. */
    synchronized ServiceProcess console() {
        if (console == null) {
            keycloak.awaitReady(Duration.ofMinutes(3));
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("AMENDS_CONSOLE_OIDC_URL", keycloak.issuer());
            environment.put("AMENDS_CONSOLE_OIDC_SECRET", CONSOLE_SECRET);
            environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
            services.forEach((name, service) -> environment.put(
                    "AMENDS_CONSOLE_" + name.replace("-service", "").toUpperCase() + "_URL", service.baseUri()));
            console = new ServiceProcess("console", label, root(), consolePort, environment);
            console.start();
            console.awaitReady();
        }
        return console;
    }

    LocalKeycloak keycloak() {
        return keycloak;
    }

    LocalSmtp smtp() {
        return smtp;
    }

    ReviewPlatformStandIn google() {
        return google;
    }

    /** A connection to a service's system-test database, for what only the database can show or do. */
    Connection database(String service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/"
                + AmendsTestResource.testDatabase("system_" + service.replace("-service", "")), postgres.user(),
                postgres.password());
    }

    String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    private void start() {
        Path root = root();
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach(name -> ports.put(name, freePort()));
        for (String name : SERVICES) {
            String database = AmendsTestResource.testDatabase("system_" + name.replace("-service", ""));
            postgres.recreateDatabase(database);
            Map<String, String> environment = new LinkedHashMap<>();
            TestInfrastructure.serviceConfig(kafkaBootstrapServers, postgres, database).forEach((key, value) ->
                    environment.put(key.toUpperCase().replace('.', '_').replace('-', '_'), value));
            // Tracing on, as in production, so the system tests see the trace carried across services;
            // nothing collects the spans here, so they are exported to a port nobody listens on.
            environment.put("QUARKUS_OTEL_SDK_DISABLED", "false");
            environment.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://localhost:" + freePort());
            // Customers' mail goes to an SMTP server in this JVM, where tests read it back; no quiet
            // hours, so that what a test waits for does not depend on the time of day it runs.
            environment.put("AMENDS_SMTP_HOST", "127.0.0.1");
            environment.put("AMENDS_SMTP_PORT", String.valueOf(smtp.smtpPort()));
            environment.put("AMENDS_LINK_SECRET", "system-tests-only");
            environment.put("AMENDS_NOTIFICATION_QUIET_HOURS_FROM", "00:00");
            environment.put("AMENDS_NOTIFICATION_QUIET_HOURS_UNTIL", "00:00");
            // A send cut off by a kill is parked within seconds rather than the production half minute;
            // the leases of sends under way are renewed every third of it, however long they take.
            environment.put("AMENDS_NOTIFICATION_DELIVERY_LEASE", "PT10S");
            // Approved review responses go to a stand-in for Google in this JVM.
            environment.put("AMENDS_GOOGLE_BASE_URL", google.baseUrl());
            environment.put("AMENDS_GOOGLE_TOKEN", "system-tests-only");
            environment.put("AMENDS_REVIEW_WEBHOOK_SECRET", SignedIn.TENANT + ":" + REVIEW_WEBHOOK_SECRET);
            // One test client drives every complaint here; the per-client limit is for real CRMs.
            environment.put("AMENDS_RATE_LIMIT_PER_MINUTE", "1000000");
            // The tokens of the test run's Keycloak (the console's) and of the tests carry this issuer.
            environment.put("AMENDS_SECURITY_JWT_ISSUER", Tokens.test().issuer());
            // A customer's data export on intake asks the other three for their part.
            if (name.equals("intake-service")) {
                ports.forEach((other, port) -> {
                    if (!other.equals(name)) {
                        environment.put("AMENDS_INTAKE_EXPORT_SERVICES_" + other.toUpperCase().replace('-', '_'),
                                "http://localhost:" + port);
                    }
                });
            }
            environments.put(name, environment);
            ServiceProcess service = new ServiceProcess(name, label, root, ports.get(name), instance(name));
            services.put(name, service);
            service.start();
        }
        services.values().forEach(ServiceProcess::awaitReady);
    }

    /**
     * The service's environment with an instance id of its own, as a deployment names its pods: a
     * restarted process keeps it (and rejoins its consumer group as the same static member), a
     * further instance gets the next.
     */
    private Map<String, String> instance(String name) {
        Map<String, String> environment = new LinkedHashMap<>(environments.get(name));
        environment.put("AMENDS_KAFKA_INSTANCE_ID", label + "-" + instances.merge(name, 1, Integer::sum));
        return environment;
    }

    private static Path root() {
        return Path.of(System.getProperty("amends.repository.root", ".."));
    }

    private void stop() {
        // All at once: one after the other they could outlast the time the JVM gets to exit.
        List<Runnable> stops = new java.util.ArrayList<>();
        if (console != null) {
            stops.add(console::stop);
        }
        if (keycloak != null) {
            stops.add(keycloak::close);
        }
        services.values().forEach(service -> stops.add(service::stop));
        List<Thread> stopping = stops.stream().map(stop -> new Thread(stop, "amends-stop")).toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        smtp.close();
        google.close();
    }

    static int freePort() {
        return FreePort.pick();
    }
}
