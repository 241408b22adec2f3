package dev.amends.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "amends.inbox")
public interface InboxConfig {

    /** How long processed event ids are kept: longer than any topic's retention, so no redelivery outlives its id. */
    @WithDefault("30d")
    Duration retention();

    /**
     * How long one batch transaction may run before the transaction manager aborts it and the inbox
     * splits the batch; set beside the batch size in the platform's microprofile-config.properties.
     */
    Duration transactionTimeout();

    /** A consumer that holds records and has committed nothing for this long is stalled: readiness says so. */
    Duration stallAfter();
}
