package dev.amends.intake.complaint;

import dev.amends.platform.database.Rows;
import dev.amends.contract.complaint.ContactSeal;
import dev.amends.intake.idempotency.IdempotencyKeys;
import dev.amends.intake.triage.TriageRules;
import dev.amends.platform.outbox.Outbox;
import dev.amends.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Files complaints: the complaint row and its complaint.received event commit together. */
@ApplicationScoped
public class ComplaintIntake {

    private final Outbox outbox;
    private final ContactSeal seal;
    private final IdempotencyKeys idempotencyKeys;
    private final ComplaintMetrics metrics;
    private final Clock clock;

    ComplaintIntake(Outbox outbox, IdempotencyKeys idempotencyKeys, ComplaintMetrics metrics, ContactSeal seal) {
        this.outbox = outbox;
        this.seal = seal;
        this.idempotencyKeys = idempotencyKeys;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    /**
     * Files the complaint, or, when the idempotency key was seen with the same request before,
     * answers with the complaint that request filed and files nothing.
     */
    @Transactional
    public Filing file(String tenant, String idempotencyKey, FileComplaintRequest request) {
        Instant now = clock.instant();
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotencyKeys.claim(tenant, idempotencyKey, request, now);
            if (earlier.isPresent()) {
                return new Filing(find(tenant, earlier.get()), true);
            }
        }
        long earlier = Rows.count(Complaint.class, "tenant = ?1 and customerId = ?2 and receivedAt > ?3", tenant,
                request.customer().id(), now.minus(Duration.ofDays(365)));
        Complaint complaint = Complaint.file(tenant, request, TriageRules.assess(request.category(), request.summary(),
                request.story(), request.amountAtStake() == null ? null : request.amountAtStake().toMoney(), earlier),
                now);
        complaint.persist();
        outbox.record(complaint.received(seal), now);
        metrics.received(complaint);
        if (idempotencyKey != null) {
            idempotencyKeys.complete(tenant, idempotencyKey, complaint.id);
        }
        return new Filing(ComplaintView.of(complaint), false);
    }

    /** One page of the listing, and the cursor of the next page when there is one. */
    @Transactional
    public Listing list(ComplaintQuery query) {
        List<Complaint> rows = query.fetch();
        boolean more = rows.size() > query.limit();
        List<Complaint> page = more ? rows.subList(0, query.limit()) : rows;
        return new Listing(page.stream().map(ComplaintPage.Summary::of).toList(), query.total(),
                more ? ComplaintQuery.cursorAfter(page.get(page.size() - 1)) : null);
    }

    public record Listing(List<ComplaintPage.Summary> items, long total, String nextCursor) {
    }

    /** A filed complaint, and whether this answer repeats an earlier request's. */
    public record Filing(ComplaintView complaint, boolean replayed) {
    }

    @Transactional
    public ComplaintView.QuestionView ask(String tenant, UUID complaintId, QuestionRequests.Ask ask) {
        return ComplaintView.QuestionView.of(lock(tenant, complaintId).ask(ask, clock.instant()));
    }

    @Transactional
    public ComplaintView.QuestionView answer(String tenant, UUID complaintId, UUID questionId,
            QuestionRequests.Answer answer) {
        return ComplaintView.QuestionView.of(lock(tenant, complaintId).answer(questionId, answer, clock.instant()));
    }

    @Transactional
    public ComplaintView reopen(String tenant, UUID complaintId, ReopenRequest request) {
        Complaint complaint = lock(tenant, complaintId);
        Instant now = clock.instant();
        outbox.record(complaint.reopen(request, now, seal), now);
        metrics.reopened(complaint);
        return ComplaintView.of(complaint);
    }

    /**
     * Another tenant's complaint is answered exactly like one that does not exist: its id must not
     * even be confirmed.
     */
    private Complaint lock(String tenant, UUID id) {
        return Complaint.<Complaint>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(c -> c.tenant.equals(tenant))
                .orElseThrow(() -> ProblemException.notFound("Complaint", id));
    }

    /** Every complaint of one customer of the tenant, oldest first: their part of a data export. */
    @Transactional
    public List<ComplaintView> ofCustomer(String tenant, String customerId) {
        return Complaint.<Complaint>list("tenant = ?1 and customerId = ?2 order by receivedAt", tenant, customerId)
                .stream().map(ComplaintView::of).toList();
    }

    @Transactional
    public ComplaintView find(String tenant, UUID id) {
        return Complaint.<Complaint>findByIdOptional(id)
                .filter(c -> c.tenant.equals(tenant))
                .map(ComplaintView::of)
                .orElseThrow(() -> ProblemException.notFound("Complaint", id));
    }
}
