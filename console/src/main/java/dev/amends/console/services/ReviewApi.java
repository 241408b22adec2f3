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

/** review-service: reviews, their drafted responses, and the approval that publishes one. */
@RegisterRestClient(configKey = "review")
@RegisterClientHeaders(SignedInToken.class)
@Path("/api/v1/reviews")
public interface ReviewApi {

    @GET
    /** One page; the X-Total-Count header says how many there are in all. */
    RestResponse<List<Map<String, Object>>> reviews(@QueryParam("status") String status, @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);

    @GET
    @Path("/{id}")
    Map<String, Object> review(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/response")
    Map<String, Object> edit(@PathParam("id") UUID id, Map<String, Object> edit);

    @POST
    @Path("/{id}/approve")
    Map<String, Object> approve(@PathParam("id") UUID id, Map<String, Object> approval);

    @POST
    @Path("/{id}/reject")
    Map<String, Object> reject(@PathParam("id") UUID id, Map<String, Object> rejection);

    @POST
    @Path("/{id}/retry")
    Map<String, Object> retry(@PathParam("id") UUID id);

    @GET
    @Path("/stats")
    Map<String, Object> stats();
}
