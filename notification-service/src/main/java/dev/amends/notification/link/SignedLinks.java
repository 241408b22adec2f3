package dev.amends.notification.link;

import dev.amends.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
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
    private static final int LETTER_MAC_BYTES = 8;

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

    /**
     * The link in an SMS to the whole letter: short, because it is paid for per segment. The token is
     * the message id and the first 8 bytes of its HMAC: 64 bits no one guesses by asking.
     */
    public String letterUrl(UUID messageId) {
        ByteBuffer token = ByteBuffer.allocate(16 + LETTER_MAC_BYTES);
        token.putLong(messageId.getMostSignificantBits()).putLong(messageId.getLeastSignificantBits());
        token.put(letterMac(messageId));
        return config.links().baseUrl() + "/letters/" + ENCODER.encodeToString(token.array());
    }

    /** The message whose letter a token opens, if it is one of ours and untouched. */
    public Optional<UUID> letter(String token) {
        try {
            byte[] bytes = DECODER.decode(token == null ? "" : token);
            if (bytes.length != 16 + LETTER_MAC_BYTES) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            UUID id = new UUID(buffer.getLong(), buffer.getLong());
            byte[] signature = new byte[LETTER_MAC_BYTES];
            buffer.get(signature);
            return MessageDigest.isEqual(letterMac(id), signature) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] letterMac(UUID messageId) {
        return Arrays.copyOf(mac(("l1|" + messageId).getBytes(StandardCharsets.UTF_8)), LETTER_MAC_BYTES);
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
