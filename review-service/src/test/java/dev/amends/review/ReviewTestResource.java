package dev.amends.review;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.ReviewPlatformStandIn;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared broker and database, plus a real HTTP server standing in for Google's review reply
 * API, started in the test JVM so that tests can make it fail and read back what was posted.
 */
public class ReviewTestResource extends AmendsTestResource {

    public static final String WEBHOOK_SECRET = "test-review-webhook-secret";
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
        config.put("amends.review.webhook.secrets", "retired-secret," + WEBHOOK_SECRET);
        config.put("amends.review.drafting.signature", "Maya, Customer Care at Hearth & Home");
        config.put("amends.review.drafting.contact-url", "https://hearth.example/help");
        return config;
    }

    @Override
    public void stop() {
        google.close();
    }
}
