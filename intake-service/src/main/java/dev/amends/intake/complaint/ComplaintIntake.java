package dev.amends.intake.complaint;

import dev.amends.platform.outbox.Outbox;
import dev.amends.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Files complaints: the complaint row and its complaint.received event commit together. */
@ApplicationScoped
public class ComplaintIntake {

    private final Outbox outbox;
    private final Clock clock;

    ComplaintIntake(Outbox outbox) {
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public ComplaintView file(String tenant, FileComplaintRequest request) {
        Instant now = clock.instant();
        Complaint complaint = Complaint.file(tenant, request, now);
        complaint.persist();
        outbox.record(complaint.received(), now);
        return ComplaintView.of(complaint);
    }

    @Transactional
    public ComplaintView find(UUID id) {
        return Complaint.<Complaint>findByIdOptional(id)
                .map(ComplaintView::of)
                .orElseThrow(() -> ProblemException.notFound("Complaint", id));
    }
}
