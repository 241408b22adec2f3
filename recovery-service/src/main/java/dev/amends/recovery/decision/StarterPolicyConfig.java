package dev.amends.recovery.decision;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** The settings of the starter policy; the versioned policy document replaces it later. */
@ConfigMapping(prefix = "amends.recovery.policy")
public interface StarterPolicyConfig {

    /** The largest make-good granted automatically, per ISO 4217 currency. */
    Map<String, BigDecimal> automaticLimit();

    /** Who takes a recovery above the automatic limit, and how soon they must answer. */
    Level supervisor();

    interface Level {
        String owner();

        Duration sla();
    }
}
