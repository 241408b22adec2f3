package dev.amends.platform.customer;

import dev.amends.platform.problem.Problem;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{customerId}/data")
@RolesAllowed(Roles.POLICY_ADMIN)
@Tag(name = "Customers' data", description = "A customer's right to see everything held about them, and to be forgotten.")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerDataResource {

    private final CustomerData data;
    private final Caller caller;

    CustomerDataResource(CustomerData data, Caller caller) {
        this.data = data;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Everything held about a customer",
            description = "On intake-service: the whole platform's (intake's complaints and what the recovery, "
                    + "notification and review services hold, each asked with the caller's own credentials). On "
                    + "the other services: that service's part.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "503", description = "A service did not answer; no partial export is given.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Object data(@PathParam("customerId") String customerId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return data.export(caller.tenant(), customerId, authorization);
    }
}
