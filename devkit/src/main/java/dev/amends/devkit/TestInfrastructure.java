package dev.amends.devkit;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The broker and the database server every test in one JVM shares. The broker is started once per
 * test run, unless {@code AMENDS_TEST_KAFKA_BOOTSTRAP_SERVERS} names one already running. The
 * database server is the one {@code AMENDS_TEST_DB_HOST}/{@code _PORT}/{@code _USER}/{@code _PASSWORD}
 * name (the machine's own by default), or an embedded one when none answers there.
 */
public final class TestInfrastructure {

    private static final Logger LOG = Logger.getLogger(TestInfrastructure.class.getName());
    private static TestInfrastructure shared;

    private final String kafkaBootstrapServers;
    private final LocalPostgres postgres;
    private KafkaTestClient kafka;

    private TestInfrastructure(String kafkaBootstrapServers, LocalPostgres postgres) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.postgres = postgres;
    }

    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            shared = new TestInfrastructure(startOrReuseKafka(), connectOrEmbedPostgres());
        }
        return shared;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** A client for publishing and reading test events, shared by every test in the JVM. */
    public synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = new KafkaTestClient(kafkaBootstrapServers);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "amends-test-kafka-client-stop"));
        }
        return kafka;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    /** The configuration a service needs to run against these servers and {@code database}. */
    public Map<String, String> serviceConfig(String database) {
        return serviceConfig(kafkaBootstrapServers, postgres, database);
    }

    /** The configuration a service needs to run against the given servers and {@code database}. */
    public static Map<String, String> serviceConfig(String kafkaBootstrapServers, LocalPostgres postgres,
            String database) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers);
        config.put("amends.db.host", postgres.host());
        config.put("amends.db.port", String.valueOf(postgres.port()));
        config.put("amends.db.user", postgres.user());
        config.put("amends.db.password", postgres.password());
        config.put("amends.db.name", database);
        config.put("amends.security.jwt.keys", Tokens.test().publicKeyLocation());
        config.put("amends.contact.key", SampleEvents.CONTACT_KEY);
        return config;
    }

    private static String startOrReuseKafka() {
        String bootstrap = setting("AMENDS_TEST_KAFKA_BOOTSTRAP_SERVERS").orElse(null);
        if (bootstrap == null) {
            LocalKafka kafka = LocalKafka.start(0, 0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "amends-test-kafka-stop"));
            bootstrap = kafka.bootstrapServers();
        }
        LocalKafka.createTopics(bootstrap);
        return bootstrap;
    }

    private static LocalPostgres connectOrEmbedPostgres() {
        String host = setting("AMENDS_TEST_DB_HOST").orElse("127.0.0.1");
        int port = Integer.parseInt(setting("AMENDS_TEST_DB_PORT").orElse("5432"));
        try {
            return LocalPostgres.connect(host, port, setting("AMENDS_TEST_DB_USER").orElse("postgres"),
                    setting("AMENDS_TEST_DB_PASSWORD").orElse(""));
        } catch (LocalPostgres.Unreachable e) {
            LOG.warning(e.getMessage() + "; the tests start an embedded PostgreSQL instead");
            LocalPostgres embedded = LocalPostgres.embedded(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "amends-test-postgres-stop"));
            return embedded;
        }
    }

    private static Optional<String> setting(String name) {
        return Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(System.getenv(name)))
                .filter(value -> !value.isBlank());
    }
}
