package dev.amends.intake.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Amends-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the MAC
 * is over {@code <t>.<body>} with the subscription's secret. Receivers recompute it and reject a
 * timestamp older than a few minutes, so a captured delivery cannot be replayed later.
 */
public final class WebhookSignature {

    public static final String HEADER = "Amends-Signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
    }

    static String hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
