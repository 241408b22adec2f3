package dev.amends.intake.complaint;

import dev.amends.platform.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    static final String TENANT_HEADER = "Amends-Tenant";

    private final ComplaintIntake intake;
    private final String defaultTenant;

    ComplaintResource(ComplaintIntake intake,
            @ConfigProperty(name = "amends.intake.default-tenant") String defaultTenant) {
        this.intake = intake;
        this.defaultTenant = defaultTenant;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File a complaint",
            description = "Keeps the customer's story verbatim and starts the recovery at once.")
    @APIResponse(responseCode = "201", description = "Filed; Location names the complaint.",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid; nothing was filed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ComplaintView> file(
            @Parameter(description = "The brand or business unit filing the complaint.")
            @HeaderParam(TENANT_HEADER)
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "must be a lower-case slug such as acme-retail")
            String tenant,
            @Valid @NotNull FileComplaintRequest request,
            UriInfo uri) {
        ComplaintView filed = intake.file(tenant == null ? defaultTenant : tenant, request);
        return RestResponse.ResponseBuilder.<ComplaintView>created(
                uri.getAbsolutePathBuilder().path(filed.id().toString()).build())
                .entity(filed)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a complaint", description = "Its status and the timeline of every LEARN step so far.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "404", description = "No such complaint.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ComplaintView get(@PathParam("id") UUID id) {
        return intake.find(id);
    }
}
