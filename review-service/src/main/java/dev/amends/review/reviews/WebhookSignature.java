package dev.amends.review.reviews;

import dev.amends.contract.review.ReviewSignature;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import dev.amends.review.ReviewConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies that a pushed review comes from a connector that holds the shared secret:
 * {@code Amends-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}. The timestamp is
 * signed too and must be recent, so a captured call cannot be replayed later; any of the configured
 * secrets is accepted, so a secret can be rotated without downtime.
 */
@ApplicationScoped
public class WebhookSignature {

    public static final String HEADER = ReviewSignature.HEADER;

    private final List<String> secrets;
    private final Duration tolerance;

    @Inject
    WebhookSignature(ReviewConfig config) {
        this(config.webhook().secrets().orElse(List.of()), config.webhook().tolerance());
    }

    WebhookSignature(List<String> secrets, Duration tolerance) {
        this.secrets = List.copyOf(secrets);
        this.tolerance = tolerance;
    }

    public void verify(String header, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(401, ProblemType.SIGNATURE_INVALID, "The call is not signed",
                    "Sign the body with the shared secret and send it in the " + HEADER + " header as t=<unix seconds>,"
                            + "v1=<hex HMAC-SHA256 of \"t.body\">; nothing was changed.");
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw invalid("The " + HEADER + " header must carry t= and v1=");
        }
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            throw invalid("t= is not a number of seconds");
        }
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw invalid("The signature was made at " + signedAt + ", more than " + tolerance.toMinutes()
                    + " minutes from now: a replay, or the connector's clock is off");
        }
        for (String secret : secrets) {
            byte[] expected = ReviewSignature.sign(secret, timestamp, body);
            for (String signature : signatures) {
                if (MessageDigest.isEqual(expected, hex(signature))) {
                    return;
                }
            }
        }
        throw invalid("The signature does not match the body");
    }

    private static byte[] hex(String value) {
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static ProblemException invalid(String why) {
        return new ProblemException(403, ProblemType.SIGNATURE_INVALID, ProblemType.SIGNATURE_INVALID.title(),
                why + "; nothing was changed.");
    }
}
