package dev.amends.review.reviews;

import dev.amends.contract.review.ReviewSignature;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import dev.amends.platform.security.TenantClaim;
import dev.amends.review.ReviewConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Verifies that a pushed review comes from the connector of the tenant it names:
 * {@code Amends-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, signed with one of
 * that tenant's own secrets. The header {@code Amends-Tenant} only says which tenant's secrets to
 * try (the default tenant's when it is missing), so a push signed for one tenant cannot be sent
 * into another, and a tenant without a secret takes no pushes at all. The timestamp is signed too
 * and must be recent; within that window {@link SignatureReplays} refuses the same signature twice.
 */
@ApplicationScoped
public class WebhookSignature {

    public static final String HEADER = ReviewSignature.HEADER;

    /** A verified push: the tenant it was signed for, and the signature to refuse from now on. */
    public record Verified(String tenant, String signature, Instant signedAt) {
    }

    private final Map<String, List<String>> secretsByTenant;
    private final String defaultTenant;
    private final Duration tolerance;

    @Inject
    WebhookSignature(ReviewConfig config) {
        this(config.webhook().secrets().orElse(List.of()), config.defaultTenant(), config.webhook().tolerance());
    }

    WebhookSignature(List<String> secrets, String defaultTenant, Duration tolerance) {
        Map<String, List<String>> byTenant = new HashMap<>();
        for (String entry : secrets) {
            int colon = entry.indexOf(':');
            String tenant = colon < 0 ? defaultTenant : entry.substring(0, colon).strip();
            String secret = colon < 0 ? entry.strip() : entry.substring(colon + 1).strip();
            if (!TenantClaim.SLUG.matcher(tenant).matches() || secret.isEmpty()) {
                throw new IllegalArgumentException("amends.review.webhook.secrets: each entry is tenant:secret, with "
                        + "a tenant slug and a secret that is not empty");
            }
            byTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(secret);
        }
        this.secretsByTenant = Map.copyOf(byTenant);
        this.defaultTenant = defaultTenant;
        this.tolerance = tolerance;
    }

    public Verified verify(String tenantHeader, String header, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(401, ProblemType.SIGNATURE_INVALID, "The call is not signed",
                    "Sign the body with your connector's secret and send it in the " + HEADER + " header as "
                            + "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">; nothing was changed.");
        }
        String tenant = tenantHeader == null || tenantHeader.isBlank() ? defaultTenant : tenantHeader.strip();
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
        long signedAt;
        try {
            signedAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw invalid("t= is not a number of seconds");
        }
        // Compared as seconds, so an absurd t= is just far off rather than an instant nobody can hold.
        if (signedAt < now.getEpochSecond() - tolerance.toSeconds()
                || signedAt > now.getEpochSecond() + tolerance.toSeconds()) {
            throw invalid("The signature was made more than " + tolerance.toMinutes() + " minutes from now: a "
                    + "replay, or the connector's clock is off");
        }
        for (String secret : secretsByTenant.getOrDefault(tenant, List.of())) {
            byte[] expected = ReviewSignature.sign(secret, timestamp, body);
            for (String signature : signatures) {
                if (MessageDigest.isEqual(expected, hex(signature))) {
                    return new Verified(tenant, HexFormat.of().formatHex(expected), Instant.ofEpochSecond(signedAt));
                }
            }
        }
        // The same answer whether the tenant has no connector or the signature is wrong: a caller
        // learns nothing about which tenants exist.
        throw invalid("The signature does not match the body with this tenant's connector secret");
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
