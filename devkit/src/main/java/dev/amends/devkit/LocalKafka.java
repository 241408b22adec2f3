package dev.amends.devkit;

import dev.amends.contract.Topic;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), run from the
 * {@code kafka_2.13} jars in the same version as the clients.
 */
public final class LocalKafka implements AutoCloseable {

    /** Fixed so that a broker restarted on the same data directory finds its own metadata. */
    private static final String CLUSTER_ID = "YW1lbmRzLWxvY2FsLWthZmthAA";
    public static final int PARTITIONS = 3;

    private final EmbeddedKafkaBroker broker;

    private LocalKafka(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts a broker on {@code port} (0 picks a free one). With a data directory the log survives
     * a restart; without one it lives in a temporary folder removed on close.
     */
    public static LocalKafka start(int port, int controllerPort, Path dataDirectory) {
        // Two ports the kernel hands out one after the other for "any free port" may be the same
        // one (each probe socket is closed before the broker binds): FreePort never repeats one.
        if (port == 0) {
            port = FreePort.pick();
        }
        if (controllerPort == 0) {
            controllerPort = FreePort.pick();
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withKafkaHost("localhost")
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(CLUSTER_ID)
                .withDeleteLogDirsOnClose(dataDirectory == null)
                .withAdditionalProperties(properties -> {
                    if (dataDirectory != null) {
                        properties.put("log.dir", dataDirectory.toAbsolutePath().toString());
                        // A broker that leaves cleanly is unregistered at once; otherwise its restart
                        // waits for the old registration's session to expire.
                        properties.put("controlled.shutdown.enable", "true");
                    }
                    properties.put("num.partitions", String.valueOf(PARTITIONS));
                    properties.put("auto.create.topics.enable", "false");
                });
        return new LocalKafka(broker.start());
    }

    /** host:port, as clients and tools expect it (the broker reports PLAINTEXT://host:port). */
    public String bootstrapServers() {
        return broker.getAdvertisedListeners().replaceAll("[A-Z_]+://", "");
    }

    /** Every catalogue topic and its dead-letter topics, so no service waits for auto-creation. */
    public static void createTopics(String bootstrapServers) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(new NewTopic(topic.topicName(), PARTITIONS, (short) 1));
            topic.consumers().forEach(consumer ->
                    topics.add(new NewTopic(topic.deadLetterTopic(consumer), PARTITIONS, (short) 1)));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics on " + bootstrapServers, e);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
