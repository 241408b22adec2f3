package dev.amends.intake.complaint;

import dev.amends.intake.apikey.Scope;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.security.Caller;
import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/complaints")
@Tag(name = "Complaints", description = "File complaints and follow them through recovery.")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final ComplaintIntake intake;
    private final Caller caller;

    ComplaintResource(ComplaintIntake intake, Caller caller) {
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Scope.COMPLAINTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File a complaint",
            description = "Keeps the customer's story verbatim and starts the recovery at once.")
    @APIResponse(responseCode = "201", description = "Filed; Location names the complaint.",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid; nothing was filed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different body.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ComplaintView> file(
            @Parameter(description = "Makes retries safe: a repeated POST with the same key and body answers with "
                    + "the complaint the first one filed (same id, same status) and files nothing new. Keys are "
                    + "kept for 48 hours; the same key with a different body is refused with 422.")
            @HeaderParam(IDEMPOTENCY_KEY_HEADER)
            @Size(min = 1, max = 255) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII")
            String idempotencyKey,
            @Valid @NotNull FileComplaintRequest request,
            UriInfo uri) {
        ComplaintIntake.Filing filing = intake.file(caller.tenant(), idempotencyKey, request);
        ComplaintView filed = filing.complaint();
        return RestResponse.ResponseBuilder.<ComplaintView>created(
                uri.getAbsolutePathBuilder().path(filed.id().toString()).build())
                .entity(filed)
                .header(REPLAYED_HEADER, filing.replayed())
                .build();
    }

    @GET
    @PermissionsAllowed(Scope.COMPLAINTS_READ)
    @Operation(summary = "List complaints",
            description = "Oldest first, filtered by any of the parameters, in pages. Follow `next` (also sent as a "
                    + "Link header) for the following page; complaints filed while you page show up at the end, "
                    + "never twice.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComplaintPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter cannot be read.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ComplaintPage> list(
            @Parameter(description = "The CRM's customer id.") @QueryParam("customerId") String customerId,
            @Parameter(description = "One of the complaint statuses.") @QueryParam("status") String status,
            @Parameter(description = "The CRM's own reference.") @QueryParam("crmRef") String crmReference,
            @Parameter(description = "The order the complaint is about: the beginning of its reference, in any case, or "
                    + "digits that appear in it.") @QueryParam("orderRef") String orderReference,
            @Parameter(description = "Only complaints received at or after this instant (ISO 8601).")
            @QueryParam("since") String since,
            @Parameter(description = "Only complaints received before this instant (ISO 8601).")
            @QueryParam("until") String until,
            @Parameter(description = "Only complaints the triage tagged with this root cause.")
            @QueryParam("rootCause") String rootCause,
            @Parameter(description = "oldest (the default) or newest first.") @QueryParam("order") String order,
            @Parameter(description = "Page size, 1 to 200; 50 when not given.") @QueryParam("limit") String limit,
            @Parameter(description = "Where the page starts: the cursor of a `next` link.")
            @QueryParam("cursor") String cursor,
            UriInfo uri) {
        ComplaintIntake.Listing listing = intake.list(ComplaintQuery.parse(caller.tenant(),
                customerId, status, crmReference, orderReference, since, until, rootCause, order, limit, cursor));
        if (listing.nextCursor() == null) {
            return RestResponse.ok(new ComplaintPage(listing.items(), listing.total(), null));
        }
        URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", listing.nextCursor()).build();
        return RestResponse.ResponseBuilder.ok(new ComplaintPage(listing.items(), listing.total(), next.toString()))
                .header("Link", "<" + next + ">; rel=\"next\"")
                .build();
    }

    @POST
    @Path("/{id}/reopen")
    @PermissionsAllowed(Scope.COMPLAINTS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reopen a complaint",
            description = "The customer or CRM says it is not resolved: a new recovery round starts at once, decided "
                    + "with the earlier rounds and this reason in view.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "404", description = "No such complaint.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The recovery has not been decided yet.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ComplaintView reopen(@PathParam("id") UUID id, @Valid @NotNull ReopenRequest request) {
        return intake.reopen(caller.tenant(), id, request);
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Scope.COMPLAINTS_READ)
    @Operation(summary = "Read a complaint", description = "Its status and the timeline of every LEARN step so far.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "404", description = "No such complaint.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ComplaintView get(@PathParam("id") UUID id) {
        return intake.find(caller.tenant(), id);
    }
}
