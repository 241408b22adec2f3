package dev.amends.recovery.ledger;

import dev.amends.contract.recovery.MakeGoodSettled;
import dev.amends.platform.outbox.Outbox;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
import dev.amends.recovery.decision.Recovery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where billing, payments or the warehouse confirm that a make-good reached the customer. The
 * ledger line is stamped and make-good.settled announced in one transaction; confirming it again
 * changes nothing.
 */
@Path("/api/v1/recoveries/{complaintId}/settlements")
@RolesAllowed({ Roles.CRM_CLIENT, Roles.SUPERVISOR })
@Tag(name = "Recoveries")
@Produces(MediaType.APPLICATION_JSON)
public class SettlementResource {

    private final Outbox outbox;
    private final Caller caller;

    SettlementResource(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm that a part of the make-good reached the customer",
            description = "For the latest round's make-good. The customer is told, and the promise made about "
                    + "its date is kept.")
    @APIResponse(responseCode = "200", description = "The ledger lines of that kind, now settled.")
    @APIResponse(responseCode = "400", description = "The request is not valid; nothing was changed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No recovery, or no make-good of that kind was issued.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<LedgerEntryView> settle(@PathParam("complaintId") UUID complaintId,
            @Valid @NotNull SettlementRequest request) {
        Recovery recovery = Recovery.forComplaint(caller.tenant(), complaintId)
                .orElseThrow(() -> ProblemException.notFound("Recovery for complaint", complaintId));
        List<LedgerEntry> lines = LedgerEntry.<LedgerEntry>find("recoveryId = ?1 and kind = ?2 order by part",
                recovery.id, request.kind()).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (lines.isEmpty()) {
            throw new ProblemException(404, ProblemType.NOT_FOUND, "No such make-good",
                    "Round " + recovery.round + " of complaint " + complaintId + " issued no " + request.kind()
                            + "; nothing was changed.");
        }
        Instant now = Instant.now();
        Instant settledAt = request.settledAt() == null ? now : request.settledAt();
        List<LedgerEntry> unsettled = lines.stream().filter(line -> line.settledAt == null).toList();
        for (LedgerEntry line : unsettled) {
            line.settledAt = settledAt;
            line.settlementReference = request.reference();
            line.settledBy = caller.name();
            // Recoveries decided before the customer was kept with them cannot be announced; the line is stamped.
            if (recovery.customer == null) {
                continue;
            }
            outbox.record(new MakeGoodSettled(recovery.tenant, complaintId, recovery.id, recovery.customer,
                    recovery.summary, line.kind, line.value(), request.reference(), settledAt, recovery.round), now);
        }
        return lines.stream().map(LedgerEntryView::of).toList();
    }
}
