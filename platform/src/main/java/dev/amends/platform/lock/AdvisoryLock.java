package dev.amends.platform.lock;

import jakarta.persistence.FlushModeType;
import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks held until the current transaction ends, for work that one instance
 * of a service at a time must do (publishing the outbox in order, fanning out webhooks). A crashed
 * instance's lock goes with its connection, so nobody waits for it.
 */
public final class AdvisoryLock {

    // A lock reads no table: the transaction's pending changes need not be flushed (and every managed
    // entity dirty-checked) before it, as Hibernate does before a native query by default.

    private AdvisoryLock() {
    }

    /** True when this transaction now holds the lock; false when another one does. */
    public static boolean tryForTransaction(EntityManager entityManager, long key) {
        return (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, key)
                .getSingleResult();
    }

    /** Waits for the lock; it is released when this transaction ends. */
    public static void forTransaction(EntityManager entityManager, long key) {
        entityManager.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) as locked")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, key)
                .getSingleResult();
    }
}
