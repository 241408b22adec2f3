package dev.amends.intake.complaint;

import dev.amends.intake.apikey.Scope;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.security.Caller;
import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/complaints/{id}/questions")
@Tag(name = "Complaints")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class QuestionResource {

    private final ComplaintIntake intake;
    private final Caller caller;

    QuestionResource(ComplaintIntake intake, Caller caller) {
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Scope.COMPLAINTS_WRITE)
    @Operation(summary = "Ask an open question",
            description = "Records what is still unclear instead of guessing; it shows on the complaint until answered.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ComplaintView.QuestionView.class)))
    @APIResponse(responseCode = "400", description = "The question is not valid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such complaint.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ComplaintView.QuestionView> ask(@PathParam("id") UUID complaintId,
            @Valid @NotNull QuestionRequests.Ask ask, UriInfo uri) {
        ComplaintView.QuestionView question = intake.ask(caller.tenant(), complaintId, ask);
        return RestResponse.ResponseBuilder.<ComplaintView.QuestionView>created(
                uri.getAbsolutePathBuilder().path(question.id().toString()).build())
                .entity(question).build();
    }

    @POST
    @Path("/{questionId}/answer")
    @PermissionsAllowed(Scope.COMPLAINTS_WRITE)
    @Operation(summary = "Answer an open question")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComplaintView.QuestionView.class)))
    @APIResponse(responseCode = "404", description = "No such complaint or question.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The question was answered already.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ComplaintView.QuestionView answer(@PathParam("id") UUID complaintId,
            @PathParam("questionId") UUID questionId, @Valid @NotNull QuestionRequests.Answer answer) {
        return intake.answer(caller.tenant(), complaintId, questionId, answer);
    }
}
