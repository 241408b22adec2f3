package dev.amends.platform;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.TestInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** The test broker and database, and the dead-letter topic of the test application's consumer. */
public class PlatformTestResource extends AmendsTestResource {

    public static final String DEAD_LETTERS = "amends.complaints.platform-test.dlq";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafkaBootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!existing.contains(DEAD_LETTERS)) {
                admin.createTopics(List.of(new NewTopic(DEAD_LETTERS, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + DEAD_LETTERS, e);
        }
        return config;
    }
}
