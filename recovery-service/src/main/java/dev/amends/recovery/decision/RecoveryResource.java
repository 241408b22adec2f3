package dev.amends.recovery.decision;

import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
import dev.amends.recovery.escalation.Escalation;
import dev.amends.recovery.escalation.EscalationView;
import dev.amends.recovery.ledger.LedgerEntry;
import dev.amends.recovery.ledger.LedgerEntryView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/recoveries/{complaintId}")
@RolesAllowed({ Roles.CRM_CLIENT, Roles.SUPERVISOR })
@Tag(name = "Recoveries", description = "How each complaint is made right, and why.")
@Produces(MediaType.APPLICATION_JSON)
public class RecoveryResource {

    private final Caller caller;

    RecoveryResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Transactional
    @Operation(summary = "Read the recovery of a complaint",
            description = "The latest round's decision: the apology, the make-good, the authority, the rules that "
                    + "fired and the policy version; the escalation as it stands now; and the ledger lines issued.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecoveryView.class)))
    @APIResponse(responseCode = "404", description = "No recovery has been decided for this complaint yet.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecoveryView get(@PathParam("complaintId") UUID complaintId) {
        Recovery recovery = Recovery.forComplaint(caller.tenant(), complaintId)
                .orElseThrow(() -> ProblemException.notFound("Recovery for complaint", complaintId));
        EscalationView escalation = Escalation.<Escalation>find("recoveryId", recovery.id).firstResultOptional()
                .map(EscalationView::of).orElse(null);
        return RecoveryView.of(recovery, escalation,
                LedgerEntry.ofRecovery(recovery.id).stream().map(LedgerEntryView::of).toList());
    }
}
