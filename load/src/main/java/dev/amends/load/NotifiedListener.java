package dev.amends.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads customer.notified from the platform's topic, from the moment the run starts, and keeps when
 * each complaint's customer was first told (the event's {@code notifiedAt}: when the channel took
 * the message). The end-to-end time comes from these events, not from polling an API.
 */
final class NotifiedListener implements AutoCloseable {

    private static final String TOPIC = "amends.notifications";

    private final KafkaConsumer<String, String> consumer;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Instant> firstNotified = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> kinds = new ConcurrentHashMap<>();
    private final Map<String, String> messageIds = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean running = true;

    NotifiedListener(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "amends-load-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = new Thread(this::read, "amends-load-notified");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                Header type = record.headers().lastHeader("ce_type");
                if (type == null || !"customer.notified.v1".equals(new String(type.value(), StandardCharsets.UTF_8))) {
                    continue;
                }
                try {
                    JsonNode event = json.readTree(record.value());
                    String told = event.path("kind").asText() + "/" + event.path("round").asInt(1);
                    kinds.computeIfAbsent(event.path("complaintId").asText(), id -> ConcurrentHashMap.newKeySet())
                            .add(told);
                    messageIds.put(event.path("complaintId").asText() + "/" + told, event.path("messageId").asText());
                    firstNotified.merge(event.path("complaintId").asText(), Instant.parse(event.path("notifiedAt").asText()),
                            (a, b) -> a.isBefore(b) ? a : b);
                } catch (Exception e) {
                    // Not ours to judge: the platform's own consumers dead-letter what they cannot read.
                }
            }
        }
        consumer.close();
    }

    Instant notifiedAt(String complaintId) {
        return firstNotified.get(complaintId);
    }

    /**
     * Whether the complaint's customer was sent a message of this kind ({@code MAKE_GOOD_CONFIRMATION},
     * {@code FOLLOW_UP}, ...) in this recovery round.
     */
    boolean told(String complaintId, String kind, int round) {
        return kinds.getOrDefault(complaintId, Set.of()).contains(kind + "/" + round);
    }

    /** The id of the message of this kind and round that the complaint's customer was sent, or null. */
    String messageId(String complaintId, String kind, int round) {
        return messageIds.get(complaintId + "/" + kind + "/" + round);
    }

    /** When each complaint's customer was first told, as far as the events have arrived. */
    Map<String, Instant> snapshot() {
        return Map.copyOf(firstNotified);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5_000);
    }
}
