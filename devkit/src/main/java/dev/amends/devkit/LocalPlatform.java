package dev.amends.devkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The infrastructure half of the run command: a Kafka broker whose log survives a restart, the
 * four service databases, and the topics. It writes the settings the services need to
 * {@code <data>/infra.env} once everything is ready, and stops what it started on SIGTERM/SIGINT.
 */
public final class LocalPlatform {

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

        Files.createDirectories(data.resolve("kafka"));
        LocalKafka kafka = LocalKafka.start(kafkaPort, controllerPort, data.resolve("kafka"));
        LocalKafka.createTopics(kafka.bootstrapServers());

        CountDownLatch stopped = new CountDownLatch(1);
        LocalPostgres database = postgres;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            database.close();
            stopped.countDown();
        }, "amends-local-platform-stop"));

        Path ready = data.resolve("infra.env");
        Files.writeString(ready, String.join("\n",
                "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers(),
                "AMENDS_DB_HOST=" + postgres.host(),
                "AMENDS_DB_PORT=" + postgres.port(),
                "AMENDS_DB_USER=" + postgres.user(),
                "AMENDS_DB_PASSWORD=" + postgres.password()) + "\n");
        System.out.println("amends: Kafka on " + kafka.bootstrapServers() + ", PostgreSQL on "
                + postgres.host() + ":" + postgres.port() + (postgres.isEmbedded() ? " (embedded)" : ""));
        stopped.await();
    }
}
