package dev.amends.intake.webhook;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "amends.intake.webhooks")
public interface WebhookConfig {

    /** How often due deliveries are looked for (read by the schedulers' expressions). */
    String dispatchEvery();

    /** The wait before the first retry; each further retry waits twice as long, up to the maximum. */
    Duration firstRetry();

    Duration maxRetryInterval();

    /** How long a delivery is retried before it is marked failed (at least 24 hours in production). */
    Duration giveUpAfter();

    /** How long finished deliveries stay visible under /webhooks/{id}/deliveries. */
    Duration keepDeliveries();

    /** How long a receiver may take to answer one delivery. */
    Duration requestTimeout();

    /** Whether webhooks may point at loopback and private addresses, over plain http (dev and test only). */
    boolean privateTargetsAllowed();
}
