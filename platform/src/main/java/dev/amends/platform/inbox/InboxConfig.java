package dev.amends.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "amends.inbox")
public interface InboxConfig {

    /** How long processed event ids are kept: longer than any topic's retention, so no redelivery outlives its id. */
    @WithDefault("30d")
    Duration retention();
}
