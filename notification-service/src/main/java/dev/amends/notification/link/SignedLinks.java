package dev.amends.notification.link;

import dev.amends.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The links customers click: "yes, fixed" / "no, not yet" on a follow-up, which expire, and
 * unsubscribe, which does not (a customer must be able to leave whenever they like). A token is
 * its payload and an HMAC-SHA256 of it, both base64url: it cannot be altered or made up without
 * the secret, and it carries no contact details.
 */
@ApplicationScoped
public class SignedLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final NotificationConfig config;
    private final SecretKeySpec key;

    SignedLinks(NotificationConfig config) {
        this.config = config;
        this.key = new SecretKeySpec(config.links().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** What a feedback link says: the follow-up it answers, the answer, and until when it is valid. */
    public record Feedback(UUID followUpId, boolean fixed, Instant expiresAt) {
    }

    /** Whom an unsubscribe link stops e-mailing. */
    public record Unsubscribe(String tenant, String customerId) {
    }

    public String feedbackUrl(UUID followUpId, boolean fixed, Instant sentAround) {
        Instant expires = sentAround.plus(config.links().feedbackValidFor());
        return config.links().baseUrl() + "/api/v1/feedback/"
                + sign("f1|" + followUpId + "|" + (fixed ? "yes" : "no") + "|" + expires.getEpochSecond());
    }

    public String unsubscribeUrl(String tenant, String customerId) {
        return config.links().baseUrl() + "/api/v1/unsubscribe/" + sign("u1|" + tenant + "|" + customerId);
    }

    /** The feedback a token carries, if it is one of ours and untouched; expiry is the caller's to judge. */
    public Optional<Feedback> feedback(String token) {
        return verified(token).map(payload -> payload.split("\\|", -1))
                .filter(parts -> parts.length == 4 && parts[0].equals("f1"))
                .flatMap(parts -> {
                    try {
                        return Optional.of(new Feedback(UUID.fromString(parts[1]), parts[2].equals("yes"),
                                Instant.ofEpochSecond(Long.parseLong(parts[3]))));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                });
    }

    public Optional<Unsubscribe> unsubscribe(String token) {
        return verified(token).map(payload -> payload.split("\\|", 3))
                .filter(parts -> parts.length == 3 && parts[0].equals("u1"))
                .map(parts -> new Unsubscribe(parts[1], parts[2]));
    }

    private String sign(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    private Optional<String> verified(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            // Constant-time, so the signature cannot be guessed byte by byte from response times.
            return MessageDigest.isEqual(mac(payload), signature)
                    ? Optional.of(new String(payload, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
