package dev.amends.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "amends.outbox")
public interface OutboxConfig {

    /** Rows published per transaction. */
    @WithDefault("200")
    int batchSize();

    /**
     * How long the relay waits for a NOTIFY before it looks anyway; the poll only matters when a
     * notification was lost, for example while the listening connection reconnected.
     */
    @WithDefault("2s")
    Duration pollInterval();

    /** How long Kafka may take to acknowledge a batch before the batch is retried. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** The longest pause between attempts while Kafka or PostgreSQL is unreachable. */
    @WithDefault("30s")
    Duration maxBackoff();
}
