package dev.amends.review.reviews;

import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import dev.amends.review.ReviewConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Remembers the signatures pushes were accepted with for as long as their timestamp would be
 * accepted, so that a captured push sent again inside that window is refused rather than taken
 * twice. Across instances too: the memory is the database.
 */
@ApplicationScoped
public class SignatureReplays {

    private final EntityManager entityManager;
    private final ReviewConfig config;

    SignatureReplays(EntityManager entityManager, ReviewConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** Call in the push's transaction: a refusal then leaves nothing behind. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refuseReplay(WebhookSignature.Verified push) {
        int first = entityManager.createNativeQuery("""
                insert into pushed_signature (signature, tenant, signed_at) values (?1, ?2, ?3) on conflict do nothing
                """).setParameter(1, push.signature()).setParameter(2, push.tenant()).setParameter(3, push.signedAt())
                .executeUpdate();
        if (first == 0) {
            throw new ProblemException(403, ProblemType.SIGNATURE_INVALID, "The signature was used before",
                    "A push with this exact signature was already taken: a replay. A connector sending a review "
                            + "again signs it again; nothing was changed.");
        }
    }

    /** A signature older than the window would be refused for its timestamp anyway. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetExpired() {
        entityManager.createNativeQuery("delete from pushed_signature where signed_at < ?1")
                .setParameter(1, Instant.now().minus(config.webhook().tolerance().multipliedBy(2)))
                .executeUpdate();
    }
}
