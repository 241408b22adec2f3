package dev.amends.recovery.decision;

import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
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

@Path("/api/v1/complaints/{complaintId}/recovery")
@Tag(name = "Recoveries", description = "How each complaint is made right, and why.")
@Produces(MediaType.APPLICATION_JSON)
public class RecoveryResource {

    @GET
    @Transactional
    @Operation(summary = "Read the recovery decided for a complaint",
            description = "The apology, the make-good, any escalation, and the rules that fired.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecoveryView.class)))
    @APIResponse(responseCode = "404", description = "No recovery has been decided for this complaint yet.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecoveryView get(@PathParam("complaintId") UUID complaintId) {
        return Recovery.forComplaint(complaintId).map(RecoveryView::of)
                .orElseThrow(() -> ProblemException.notFound("Recovery for complaint", complaintId));
    }
}
