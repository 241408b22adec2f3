package dev.amends.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** How review-service takes in reviews, writes drafts and publishes approved responses. */
@ConfigMapping(prefix = "amends.review")
public interface ReviewConfig {

    /** The tenant of a request that names none (one brand per installation). */
    @WithDefault("default")
    String defaultTenant();

    Webhook webhook();

    Drafting drafting();

    Matching matching();

    Publishing publishing();

    Google google();

    interface Webhook {
        /**
         * Each tenant's connector secrets, as {@code tenant:secret}; a tenant may have more than one
         * while its secret is being rotated, and a secret without a tenant belongs to the default
         * tenant. The secret a push is signed with selects its tenant: a tenant without one takes no
         * pushes, and one tenant's secret never signs for another.
         */
        Optional<List<String>> secrets();

        /** How old a signed timestamp may be before the call counts as a replay. */
        @WithDefault("PT5M")
        Duration tolerance();
    }

    interface Drafting {
        /** Who signs public responses. */
        @WithDefault("The customer care team")
        String signature();

        /** Where a reviewer can reach us privately; an address in public must not be a person's. */
        @WithDefault("https://example.com/help")
        URI contactUrl();

        /** Dates in public responses are the business's own calendar days. */
        @WithDefault("UTC")
        ZoneId timeZone();
    }

    interface Matching {
        /** How long before a review a complaint may have been filed and still be the one it is about. */
        @WithDefault("P60D")
        Duration before();

        /** Reviewers often post first and complain after: how long after a review a complaint may come. */
        @WithDefault("P14D")
        Duration after();
    }

    interface Publishing {
        @WithDefault("1s")
        Duration poll();

        @WithDefault("PT30S")
        Duration lease();

        @WithDefault("PT30S")
        Duration firstRetry();

        @WithDefault("PT1H")
        Duration maxRetry();

        @WithDefault("6")
        int maxAttempts();
    }

    /** Google Business Profile's review reply API; without a token, Google replies are posted by hand. */
    interface Google {
        @WithDefault("https://mybusiness.googleapis.com")
        URI baseUrl();

        Optional<String> token();

        @WithDefault("PT10S")
        Duration readTimeout();
    }
}
