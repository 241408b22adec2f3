package dev.amends.system;

import dev.amends.devkit.LocalKafka;
import dev.amends.devkit.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A Kafka broker and a PostgreSQL server that belong to one platform alone, so that a fault test
 * can stop and restart them without touching what other tests use. Both keep their data on disk
 * and come back on the same ports, as a restarted server does in production.
 */
final class ServersOfItsOwn implements AutoCloseable {

    private final Path data;
    private final int kafkaPort = RunningPlatform.freePort();
    private final int controllerPort = RunningPlatform.freePort();
    private final int postgresPort = RunningPlatform.freePort();
    private LocalKafka kafka;
    private LocalPostgres postgres;

    ServersOfItsOwn() {
        try {
            data = Files.createTempDirectory("amends-faults");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startBroker();
        LocalKafka.createTopics(kafkaBootstrapServers());
        startDatabase();
    }

    String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    LocalPostgres postgres() {
        return postgres;
    }

    synchronized void startBroker() {
        kafka = LocalKafka.start(kafkaPort, controllerPort, data.resolve("kafka"));
    }

    synchronized void stopBroker() {
        kafka.close();
        kafka = null;
    }

    synchronized void startDatabase() {
        postgres = LocalPostgres.embedded(postgresPort, data.resolve("postgres"));
    }

    /** A fast shutdown: PostgreSQL disconnects every client and rolls back what was under way. */
    synchronized void stopDatabase() {
        postgres.close();
    }

    /** Stops both servers and removes their data, which only this platform ever used. */
    @Override
    public synchronized void close() {
        if (kafka != null) {
            kafka.close();
        }
        postgres.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
