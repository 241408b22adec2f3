package dev.amends.notification.followup;

import jakarta.persistence.FlushModeType;
import dev.amends.contract.notification.MessageKind;
import dev.amends.notification.NotificationConfig;
import dev.amends.notification.casefile.CaseFile;
import dev.amends.notification.link.SignedLinks;
import dev.amends.notification.message.Messages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Asks "did this fix it?" a few days after the make-good, sooner for customers to be over-served.
 * Giving the make-good schedules the follow-up (a row in PostgreSQL: it survives restarts, and with
 * several instances one writes it); it is written when it falls due, from the case file, so the
 * template, contact details, preferences and opt-outs of that day apply, and sent like any message.
 */
@ApplicationScoped
public class FollowUps {

    private static final Logger LOG = Logger.getLogger(FollowUps.class);
    private static final int BATCH = 100;

    private final NotificationConfig.FollowUp config;
    private final Messages messages;
    private final SignedLinks links;
    private final EntityManager entityManager;

    FollowUps(NotificationConfig config, Messages messages, SignedLinks links, EntityManager entityManager) {
        this.config = config.followUp();
        this.messages = messages;
        this.links = links;
        this.entityManager = entityManager;
    }

    /** Schedules the round's follow-up, once; runs in the transaction that gives the make-good. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(CaseFile file, int round, Instant now) {
        Instant due = now.plus(file.overService ? config.overServedAfter() : config.after());
        entityManager.createNativeQuery("""
                insert into scheduled_follow_up (complaint_id, round, tenant, customer_id, due_at)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict do nothing
                """).setFlushMode(FlushModeType.COMMIT) // nothing pending is needed; a flush would dirty-check the batch
                .setParameter(1, file.complaintId).setParameter(2, round).setParameter(3, file.tenant)
                .setParameter(4, file.customer.id()).setParameter(5, due).executeUpdate();
    }

    /** A reopened complaint gets a new recovery, and the old round's question no longer fits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelBefore(UUID complaintId, int round) {
        entityManager.createNativeQuery("delete from scheduled_follow_up where complaint_id = ?1 and round < ?2")
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, complaintId).setParameter(2, round).executeUpdate();
    }

    @Scheduled(every = "${amends.notification.delivery.poll}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void writeDue() {
        try {
            while (QuarkusTransaction.requiringNew().call(this::writeDueBatch) == BATCH) {
                LOG.debugf("Wrote %d follow-ups; looking for more", BATCH);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Writing due follow-ups failed; trying again at the next tick: %s", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private int writeDueBatch() {
        List<Object[]> due = entityManager.createNativeQuery("""
                delete from scheduled_follow_up
                where (complaint_id, round) in (
                    select complaint_id, round from scheduled_follow_up
                    where due_at <= ?1
                    order by due_at
                    limit ?2
                    for update skip locked)
                returning complaint_id, round, due_at
                """).setParameter(1, Instant.now()).setParameter(2, BATCH).getResultList();
        Map<UUID, CaseFile> files = due.isEmpty() ? Map.of() : CaseFile.<CaseFile>list("complaintId in ?1",
                due.stream().map(row -> (UUID) row[0]).toList()).stream()
                .collect(Collectors.toMap(file -> file.complaintId, file -> file));
        for (Object[] row : due) {
            CaseFile file = files.get((UUID) row[0]);
            int round = ((Number) row[1]).intValue();
            if (file == null || file.round != round) {
                continue;
            }
            Instant dueAt = (Instant) row[2];
            messages.write(new Messages.Draft(file.tenant, file.complaintId, file.customer, file.summary, file.specifics,
                    MessageKind.FOLLOW_UP, round, 0, file.fault, false, dueAt),
                    (letter, words, id) -> letter.makeGood(words.makeGood(file.makeGoods == null ? List.of()
                            : file.makeGoods))
                            .fixedLink(links.feedbackUrl(id, true, dueAt))
                            .notFixedLink(links.feedbackUrl(id, false, dueAt)).build());
        }
        return due.size();
    }
}
