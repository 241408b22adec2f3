package dev.amends.console.services;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service: complaints, their LEARN timeline, and the root-cause report. */
@RegisterRestClient(configKey = "intake")
@RegisterClientHeaders(SignedInToken.class)
@Path("/api/v1")
public interface IntakeApi {

    @GET
    @Path("/complaints")
    Map<String, Object> complaints(@QueryParam("customerId") String customerId,
            @QueryParam("orderRef") String orderReference, @QueryParam("crmRef") String crmReference,
            @QueryParam("status") String status, @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("rootCause") String rootCause, @QueryParam("order") String order, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/complaints/{id}")
    Map<String, Object> complaint(@PathParam("id") UUID id);

    @GET
    @Path("/root-causes")
    Map<String, Object> rootCauses(@QueryParam("weeks") int weeks);
}
