package dev.amends.intake.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Idempotency keys for POSTs that create something. The key is claimed with an insert that waits
 * for any concurrent claim of the same key to commit or roll back, so two identical requests
 * racing each other file one complaint, and the loser answers with the winner's.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final EntityManager entityManager;
    private final Duration retention;

    IdempotencyKeys(EntityManager entityManager,
            @ConfigProperty(name = "amends.intake.idempotency.retention") Duration retention) {
        this.entityManager = entityManager;
        this.retention = retention;
    }

    /**
     * Claims the key for this request. Empty means the caller owns it and must {@link #complete}
     * it; otherwise the complaint an earlier request with the same key and body filed.
     *
     * @throws ProblemException 422 when the key was used with a different body
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> claim(String tenant, String key, Object request, Instant now) {
        String fingerprint = fingerprint(request);
        int claimed = entityManager.createNativeQuery("""
                insert into idempotency_key (tenant, idempotency_key, request_fingerprint, created_at, expires_at)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (tenant, idempotency_key) do nothing
                """)
                .setParameter(1, tenant)
                .setParameter(2, key)
                .setParameter(3, fingerprint)
                .setParameter(4, now)
                .setParameter(5, now.plus(retention))
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] earlier = (Object[]) entityManager.createNativeQuery("""
                select request_fingerprint, cast(complaint_id as text) from idempotency_key
                where tenant = ?1 and idempotency_key = ?2
                """)
                .setParameter(1, tenant)
                .setParameter(2, key)
                .getSingleResult();
        if (!fingerprint.equals(earlier[0])) {
            throw new ProblemException(422, ProblemType.IDEMPOTENCY_KEY_REUSED, ProblemType.IDEMPOTENCY_KEY_REUSED.title(),
                    "Idempotency-Key " + key + " was first used with a different request body; nothing was changed. "
                            + "Send a new key for a new complaint, or the original body to repeat the original request.");
        }
        return Optional.of(UUID.fromString((String) earlier[1]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String tenant, String key, UUID complaintId) {
        entityManager.createNativeQuery(
                "update idempotency_key set complaint_id = ?3 where tenant = ?1 and idempotency_key = ?2")
                .setParameter(1, tenant)
                .setParameter(2, key)
                .setParameter(3, complaintId)
                .executeUpdate();
    }

    @Scheduled(every = "${amends.housekeeping.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void forgetExpired() {
        entityManager.createNativeQuery("delete from idempotency_key where expires_at < now()").executeUpdate();
    }

    static String fingerprint(Object request) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
