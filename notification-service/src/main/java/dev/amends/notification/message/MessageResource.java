package dev.amends.notification.message;

import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.QueryParameters;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/messages")
@Tag(name = "Messages", description = "What customers were sent about their complaints.")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    @GET
    @Transactional
    @Operation(summary = "List the messages sent about a complaint")
    @APIResponse(responseCode = "200", description = "Oldest first.")
    @APIResponse(responseCode = "400", description = "complaintId is missing or not a UUID.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<MessageView> list(@QueryParam("complaintId") String complaintId) {
        return CustomerMessage.forComplaint(QueryParameters.requiredUuid("complaintId", complaintId)).stream()
                .map(MessageView::of).toList();
    }
}
