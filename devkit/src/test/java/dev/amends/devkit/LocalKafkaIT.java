package dev.amends.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.contract.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalKafkaIT {

    @Test
    void aBrokerWithADataDirectoryKeepsItsTopicsAndRecordsAcrossARestart() throws IOException {
        Path data = Files.createTempDirectory("amends-kafka");
        String key = "CUST-restart";
        try (LocalKafka kafka = LocalKafka.start(0, 0, data)) {
            LocalKafka.createTopics(kafka.bootstrapServers());
            try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
                client.publishRaw(Topic.COMPLAINTS, key, "{}", Map.of());
            }
        }
        try (LocalKafka kafka = LocalKafka.start(0, 0, data);
                KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            LocalKafka.createTopics(kafka.bootstrapServers());
            assertEquals(1, client.records(Topic.COMPLAINTS.topicName(), r -> key.equals(r.key())).size());
        }
    }
}
