package dev.amends.review.publishing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Google Business Profile's review reply endpoint: {@code PUT .../reviews/{review}/reply} with the
 * reply's comment. A second PUT replaces the reply, so retrying is safe.
 */
@Path("/v4/accounts/{account}/locations/{location}/reviews/{review}/reply")
public interface GoogleReviewReplies {

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ReviewReply updateReply(@PathParam("account") String account, @PathParam("location") String location,
            @PathParam("review") String review, @HeaderParam("Authorization") String authorization,
            ReviewReply reply);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReviewReply(String comment, String updateTime) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(Status error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Status(Integer code, String message, String status) {
    }
}
