package dev.amends.console.services;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** notification-service: what customers were sent, and the held and parked queues. */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders(SignedInToken.class)
@Path("/api/v1/notifications")
public interface NotificationApi {

    /** Every message about one complaint. */
    @GET
    List<Map<String, Object>> messages(@QueryParam("complaintId") UUID complaintId,
            @QueryParam("status") String status, @QueryParam("limit") int limit);

    /** One page of a queue (HELD, PARKED); the X-Total-Count header says how many there are in all. */
    @GET
    RestResponse<List<Map<String, Object>>> queue(@QueryParam("status") String status, @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);

    @POST
    @Path("/{id}/release")
    Map<String, Object> release(@PathParam("id") UUID id, Map<String, Object> release);

    @POST
    @Path("/{id}/retry")
    Map<String, Object> retry(@PathParam("id") UUID id);
}
