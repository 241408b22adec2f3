package dev.amends.review;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.ReviewPlatformStandIn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The shared broker and database, plus a real HTTP server standing in for Google's review reply
 * API, started in the test JVM so that tests can make it fail and read back what was posted.
 */
public class ReviewTestResource extends AmendsTestResource {

    /** The tenants the tests push reviews for, each with a connector secret of its own. */
    private static final List<String> TENANTS = List.of("acme", "hearth", "ingestion", "approval", "globex", "stats",
            "volume");
    public static final String GOOGLE_TOKEN = "test-google-token";

    private static ReviewPlatformStandIn google;

    public static ReviewPlatformStandIn google() {
        return google;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        google = ReviewPlatformStandIn.start(0);
        config.put("amends.review.google.base-url", google.baseUrl());
        config.put("amends.review.google.token", GOOGLE_TOKEN);
        config.put("amends.review.webhook.secrets", "hearth:retired-secret,"
                + TENANTS.stream().map(t -> t + ":" + secretOf(t)).collect(Collectors.joining(",")));
        config.put("amends.review.drafting.signature", "Maya, Customer Care at Hearth & Home");
        config.put("amends.review.drafting.contact-url", "https://hearth.example/help");
        return config;
    }

    /** The connector secret of a tenant the tests push reviews for. */
    public static String secretOf(String tenant) {
        return "test-review-secret-of-" + tenant;
    }

    @Override
    public void stop() {
        google.close();
    }
}
