package dev.amends.review.caserecord;

import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
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

@Path("/api/v1/case-records")
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Case records", description = "The facts from complaints and recoveries that public responses rest on.")
@Produces(MediaType.APPLICATION_JSON)
public class CaseRecordResource {

    private final Caller caller;

    CaseRecordResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("/{complaintId}")
    @Transactional
    @Operation(summary = "Read the case record of a complaint")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseRecordView.class)))
    @APIResponse(responseCode = "404", description = "No events about this complaint have arrived.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseRecordView get(@PathParam("complaintId") UUID complaintId) {
        return CaseRecord.<CaseRecord>findByIdOptional(complaintId)
                .filter(record -> record.tenant.equals(caller.tenant())).map(CaseRecordView::of)
                .orElseThrow(() -> ProblemException.notFound("Case record", complaintId));
    }
}
