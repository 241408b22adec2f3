package dev.amends.recovery.policy;

import dev.amends.platform.lock.AdvisoryLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy in force. Every decision asks for it, so the parsed document is kept per version and
 * read again only when another version (activated here or by another instance) becomes active.
 */
@ApplicationScoped
public class Policies {

    /** Serialises activations, so two at once get consecutive versions rather than a clash. */
    private static final long ACTIVATION_LOCK = 0x616d656e6473_01L;
    static final String SHIPPED = "policy/default-policy.yaml";

    private final EntityManager entityManager;
    private final AtomicReference<RecoveryPolicy> cached = new AtomicReference<>();
    private final Clock clock = Clock.systemUTC();

    Policies(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A fresh database starts with the policy shipped in the repository as version 1. */
    void seed(@Observes StartupEvent startup) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (PolicyVersion.active().isEmpty()) {
                activate(shippedDefault(), "amends (shipped default)");
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RecoveryPolicy active() {
        int version = ((Number) entityManager.createNativeQuery("select coalesce(max(version), 0) from policy_version")
                .getSingleResult()).intValue();
        RecoveryPolicy current = cached.get();
        if (current != null && current.version() == version) {
            return current;
        }
        PolicyVersion stored = PolicyVersion.<PolicyVersion>findByIdOptional(version)
                .orElseThrow(() -> new IllegalStateException("no policy has been activated"));
        RecoveryPolicy policy = new RecoveryPolicy(PolicyReader.read(stored.source), stored.version);
        cached.set(policy);
        return policy;
    }

    /**
     * Validates and activates a document. Invalid: a 422 problem listing every error, and the active
     * version stays. The same document as the active one: no new version.
     */
    @Transactional
    public PolicyVersion activate(String source, String activatedBy) {
        PolicyDocument document = PolicyReader.read(source);
        AdvisoryLock.forTransaction(entityManager, ACTIVATION_LOCK);
        String checksum = sha256(source);
        PolicyVersion active = PolicyVersion.active().orElse(null);
        if (active != null && active.checksum.equals(checksum)) {
            return active;
        }
        PolicyVersion next = new PolicyVersion();
        next.version = active == null ? 1 : active.version + 1;
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
