package dev.amends.notification.delivery;

import dev.amends.notification.NotificationTestResource;
import dev.amends.notification.ScriptedRelay;
import dev.amends.notification.ScriptedRelay.Step;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The notification test setup with e-mail going to a relay that takes its time over the end of
 * each message: three leases and more before it says the message is queued.
 */
public class SlowRelayTestResource extends NotificationTestResource {

    static final Duration LEASE = Duration.ofSeconds(3);
    static final Duration RELAY_DELAY = Duration.ofSeconds(10);
    private static ScriptedRelay relay;

    static ScriptedRelay relay() {
        return relay;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        relay = ScriptedRelay.slowAt(Step.END_OF_DATA, RELAY_DELAY);
        config.put("amends.notification.email.port", String.valueOf(relay.port()));
        config.put("amends.notification.delivery.lease", LEASE.toString());
        return config;
    }

    @Override
    public void stop() {
        relay.close();
        super.stop();
    }
}
