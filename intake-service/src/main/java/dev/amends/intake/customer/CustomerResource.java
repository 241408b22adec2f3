package dev.amends.intake.customer;

import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/customers/{customerId}")
@RolesAllowed(Roles.POLICY_ADMIN)
@Tag(name = "Customers' data")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CustomerErasure erasure;
    private final Caller caller;

    CustomerResource(CustomerErasure erasure, Caller caller) {
        this.erasure = erasure;
        this.caller = caller;
    }

    @DELETE
    @Operation(summary = "Erase a customer", description = "Here at once, and in every other service as each "
            + "takes the customer.erased event: names, contact details, stories and references are removed or "
            + "replaced by a pseudonym; the ledger keeps its amounts under the pseudonym. Cannot be undone.")
    @APIResponse(responseCode = "202", description = "Erased here; the other services follow within seconds.",
            content = @Content(schema = @Schema(implementation = CustomerErasure.Erasure.class)))
    public RestResponse<CustomerErasure.Erasure> erase(@PathParam("customerId") String customerId) {
        return RestResponse.accepted(erasure.erase(caller.tenant(), customerId, caller.name()));
    }
}
