package dev.amends.intake.apikey;

import dev.amends.platform.audit.AuditTrail;
import dev.amends.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Issues, rotates, revokes and checks API keys. A key reads {@code amk_<lookup>_<secret>}: the
 * lookup finds its row, and the SHA-256 of the whole key must match the stored hash. A fast hash is
 * enough because the secret is 256 random bits, not a password anyone could guess; the comparison
 * takes the same time whether or not the hashes share a prefix.
 */
@ApplicationScoped
public class ApiKeys {

    static final String PREFIX = "amk_";
    private static final int LOOKUP_HEX_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock = Clock.systemUTC();
    private final AuditTrail audit;

    ApiKeys(AuditTrail audit) {
        this.audit = audit;
    }

    /** A key as the audit trail keeps it: what it may do and for how long, never its secret or hash. */
    record Audited(String client, String lookup, String scopes, Instant expiresAt, Instant revokedAt, UUID replacedBy) {

        static Audited of(ApiKey key) {
            return new Audited(key.client, key.lookup, key.scopes, key.expiresAt, key.revokedAt, key.replacedBy);
        }
    }

    /** A key just made: the only moment its secret exists outside the caller's hands. */
    public record Issued(ApiKey key, String secret) {
    }

    @Transactional
    public Issued issue(String tenant, String client, List<Scope> scopes, Duration validFor, String issuedBy) {
        Instant now = clock.instant();
        Issued issued = make(tenant, client, scopes, now, now.plus(validFor), issuedBy);
        audit.record("api-key.issued", "api-key", issued.key().id, null, Audited.of(issued.key()));
        return issued;
    }

    @Transactional
    public List<ApiKey> ofTenant(String tenant) {
        return ApiKey.list("tenant", Sort.by("createdAt"), tenant);
    }

    /**
     * A new key with the old one's client and scopes, valid as long as the old one was. The old key
     * keeps working for {@code overlap}, so the integration can switch without an outage.
     */
    @Transactional
    public Issued rotate(String tenant, UUID id, Duration overlap, String rotatedBy) {
        ApiKey old = usable(tenant, id);
        Instant now = clock.instant();
        Audited before = Audited.of(old);
        Duration lifetime = Duration.between(old.createdAt, old.expiresAt);
        Issued replacement = make(tenant, old.client, old.scopeList(), now, now.plus(lifetime), rotatedBy);
        Instant oldEnds = now.plus(overlap);
        if (oldEnds.isBefore(old.expiresAt)) {
            old.expiresAt = oldEnds;
        }
        old.replacedBy = replacement.key().id;
        audit.record("api-key.rotated", "api-key", old.id, before, Audited.of(old));
        audit.record("api-key.issued", "api-key", replacement.key().id, null, Audited.of(replacement.key()));
        return replacement;
    }

    @Transactional
    public ApiKey revoke(String tenant, UUID id) {
        ApiKey key = usable(tenant, id);
        Audited before = Audited.of(key);
        key.revokedAt = clock.instant();
        audit.record("api-key.revoked", "api-key", key.id, before, Audited.of(key));
        return key;
    }

    /** The key's row when {@code presented} is a key that exists, matches, and is neither expired nor revoked. */
    @Transactional
    public Optional<ApiKey> verify(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)
                || presented.length() < PREFIX.length() + LOOKUP_HEX_LENGTH + 2
                || presented.charAt(PREFIX.length() + LOOKUP_HEX_LENGTH) != '_') {
            return Optional.empty();
        }
        String lookup = presented.substring(PREFIX.length(), PREFIX.length() + LOOKUP_HEX_LENGTH);
        byte[] hash = sha256(presented);
        return ApiKey.<ApiKey>find("lookup", lookup).firstResultOptional()
                .filter(key -> MessageDigest.isEqual(key.secretHash, hash))
                .filter(key -> key.usableAt(clock.instant()));
    }

    private ApiKey usable(String tenant, UUID id) {
        return ApiKey.<ApiKey>findByIdOptional(id)
                .filter(key -> key.tenant.equals(tenant))
                .filter(key -> key.usableAt(clock.instant()))
                .orElseThrow(() -> ProblemException.notFound("API key", id));
    }

    private Issued make(String tenant, String client, List<Scope> scopes, Instant now, Instant expiresAt,
            String issuedBy) {
        byte[] lookup = new byte[LOOKUP_HEX_LENGTH / 2];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(lookup);
        RANDOM.nextBytes(secret);
        String lookupHex = HexFormat.of().formatHex(lookup);
        String presented = PREFIX + lookupHex + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.tenant = tenant;
        key.client = client;
        key.lookup = lookupHex;
        key.secretHash = sha256(presented);
        key.scopes = scopes.stream().map(Scope::scopeName).distinct().collect(Collectors.joining(","));
        key.createdAt = now;
        key.createdBy = issuedBy;
        key.expiresAt = expiresAt;
        key.persist();
        return new Issued(key, presented);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
