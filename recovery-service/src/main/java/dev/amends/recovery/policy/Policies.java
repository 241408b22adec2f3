package dev.amends.recovery.policy;

import jakarta.persistence.FlushModeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy in force for each tenant. Every decision asks for its tenant's, so the parsed document
 * is kept per tenant and read again only when another version (activated here or by another
 * instance) becomes active there. A tenant that has none yet starts from the policy shipped in the
 * repository, as its version 1.
 */
@ApplicationScoped
public class Policies {

    /** Serialises a tenant's activations, so two at once get consecutive versions rather than a clash. */
    private static final int ACTIVATION_LOCK = 0x616d6501;
    static final String SHIPPED = "policy/default-policy.yaml";
    static final String SHIPPED_BY = "amends (shipped default)";

    private final EntityManager entityManager;
    private final Map<String, RecoveryPolicy> cached = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final String shipped = shippedDefault();

    Policies(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RecoveryPolicy active(String tenant) {
        int version = versionInForce(tenant);
        RecoveryPolicy current = cached.get(tenant);
        if (current != null && current.version() == version) {
            return current;
        }
        PolicyVersion stored = PolicyVersion.of(tenant, version).orElseThrow();
        RecoveryPolicy policy = new RecoveryPolicy(PolicyReader.read(stored.source), stored.version);
        cached.put(tenant, policy);
        return policy;
    }

    /** The tenant's active version, as stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PolicyVersion current(String tenant) {
        return PolicyVersion.of(tenant, versionInForce(tenant)).orElseThrow();
    }

    /** The number of the tenant's active version, its history started from the shipped default if it has none. */
    private int versionInForce(String tenant) {
        int version = ((Number) entityManager.createNativeQuery(
                        "select coalesce(max(version), 0) from policy_version where tenant = ?1")
                .setFlushMode(FlushModeType.COMMIT) // nothing a batch changes is read: no flush before it
                .setParameter(1, tenant).getSingleResult()).intValue();
        if (version > 0) {
            return version;
        }
        // Two instances or consumers starting the same tenant at once: the second insert does nothing.
        entityManager.createNativeQuery("""
                insert into policy_version (tenant, version, name, source, checksum, activated_at, activated_by)
                values (?1, 1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing
                """)
                .setParameter(1, tenant)
                .setParameter(2, PolicyReader.read(shipped).name())
                .setParameter(3, shipped)
                .setParameter(4, sha256(shipped))
                .setParameter(5, clock.instant())
                .setParameter(6, SHIPPED_BY)
                .executeUpdate();
        return 1;
    }

    /**
     * Validates and activates a document for a tenant. Invalid: a 422 problem listing every error,
     * and the active version stays. The same document as the active one: no new version.
     */
    @Transactional
    public PolicyVersion activate(String tenant, String source, String activatedBy) {
        PolicyDocument document = PolicyReader.read(source);
        entityManager.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1, hashtext(?2))) as locked")
                .setParameter(1, ACTIVATION_LOCK).setParameter(2, tenant).getSingleResult();
        PolicyVersion active = current(tenant);
        String checksum = sha256(source);
        if (active.checksum.equals(checksum)) {
            return active;
        }
        PolicyVersion next = new PolicyVersion();
        next.tenant = tenant;
        next.version = active.version + 1;
        next.name = document.name();
        next.source = source;
        next.checksum = checksum;
        next.activatedAt = clock.instant();
        next.activatedBy = activatedBy;
        next.persist();
        return next;
    }

    static String shippedDefault() {
        try (InputStream in = Policies.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SHIPPED, e);
        }
    }

    private static String sha256(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
