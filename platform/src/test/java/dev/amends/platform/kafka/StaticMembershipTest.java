package dev.amends.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class StaticMembershipTest {

    @Test
    void eachConsumerOfANamedInstanceGetsAMemberIdOfItsOwnInTheCharactersKafkaAllows() {
        StaticMembership membership = new StaticMembership(Optional.of("pod/7"));
        String first = membership.customize("events$1", null, consumer("kafka-consumer-events$1")).get(
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG).toString();
        String second = membership.customize("events$2", null, consumer("kafka-consumer-events$2")).get(
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG).toString();

        assertNotEquals(first, second);
        assertTrue(first.matches("[A-Za-z0-9._-]+"), first);
        assertEquals("recovery-service.pod-7.kafka-consumer-events-1", first);
    }

    @Test
    void withoutAnInstanceIdConsumersStayDynamicMembersAndProducersAreLeftAlone() {
        assertFalse(new StaticMembership(Optional.of(" ")).customize("events", null, consumer("c"))
                .containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
        Map<String, Object> producer = new HashMap<>(Map.of("client.id", "kafka-producer-amends-outbox"));
        assertFalse(new StaticMembership(Optional.of("pod-7")).customize("amends-outbox", null, producer)
                .containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
    }

    private static Map<String, Object> consumer(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "recovery-service");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return config;
    }
}
