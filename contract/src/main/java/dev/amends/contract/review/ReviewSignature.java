package dev.amends.contract.review;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a review connector signs what it pushes to review-service:
 * {@code Amends-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} with the shared
 * secret. Kept with the contract so that connectors, the load harness and the tests sign exactly
 * as the service verifies.
 */
public final class ReviewSignature {

    public static final String HEADER = "Amends-Signature";

    private ReviewSignature() {
    }

    /** The header value for this body, signed at this time. */
    public static String header(String secret, Instant at, byte[] body) {
        String timestamp = Long.toString(at.getEpochSecond());
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sign(secret, timestamp, body));
    }

    /** The raw signature of {@code "timestamp.body"}. */
    public static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
