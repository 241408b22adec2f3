package dev.amends.platform.kafka;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes every consumer of an instance named by {@code amends.kafka.instance-id} a static member
 * of its group ({@code group.instance.id}), so that the instance, restarted after a crash, gets its
 * partitions back the moment it rejoins instead of after the dead member's session expires and a
 * rebalance runs. The connector runs several consumers per channel (its concurrency), one client id
 * each, so the member id is made of the group, the instance and the client id, in the characters
 * Kafka allows there.
 *
 * <p>Without an instance id the consumers stay dynamic members: two processes with one static id
 * would fence each other off, and only the deployment knows which names are unique.
 */
@ApplicationScoped
public class StaticMembership implements ClientCustomizer<Map<String, Object>> {

    private final Optional<String> instanceId;

    StaticMembership(@ConfigProperty(name = "amends.kafka.instance-id") Optional<String> instanceId) {
        this.instanceId = instanceId.map(String::strip).filter(id -> !id.isEmpty());
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        Object group = config.get(ConsumerConfig.GROUP_ID_CONFIG);
        Object client = config.get(ConsumerConfig.CLIENT_ID_CONFIG);
        if (instanceId.isPresent() && group != null && client != null
                && config.containsKey(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                    (group + "." + instanceId.get() + "." + client).replaceAll("[^A-Za-z0-9._-]", "-"));
        }
        return config;
    }
}
