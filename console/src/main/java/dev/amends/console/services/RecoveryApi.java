package dev.amends.console.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** recovery-service: escalations, decisions, the policy and its dry run, the day's figures. */
@RegisterRestClient(configKey = "recovery")
@RegisterClientHeaders(SignedInToken.class)
@Path("/api/v1")
public interface RecoveryApi {

    /** One page of the queue; the X-Total-Count header says how many the filters find in all. */
    @GET
    @Path("/escalations")
    RestResponse<List<Map<String, Object>>> escalations(@QueryParam("status") String status,
            @QueryParam("level") String level, @QueryParam("owner") String owner, @QueryParam("first") String first,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("/escalations/{id}")
    Map<String, Object> escalation(@PathParam("id") UUID id);

    @POST
    @Path("/escalations/{id}/approve")
    Map<String, Object> approve(@PathParam("id") UUID id, Map<String, Object> approval);

    @POST
    @Path("/escalations/{id}/decline")
    Map<String, Object> decline(@PathParam("id") UUID id, Map<String, Object> decline);

    @GET
    @Path("/recoveries/{complaintId}")
    Map<String, Object> recovery(@PathParam("complaintId") UUID complaintId);

    @GET
    @Path("/recoveries/figures")
    Map<String, Object> figures(@QueryParam("since") String since);

    @GET
    @Path("/policy")
    Map<String, Object> policy();

    @PUT
    @Path("/policy")
    @Consumes("application/yaml")
    Map<String, Object> activate(String source);

    @GET
    @Path("/policy/versions")
    List<Map<String, Object>> policyVersions();

    @POST
    @Path("/policy/simulate")
    @Produces("application/json")
    Map<String, Object> simulate(Map<String, Object> request);
}
