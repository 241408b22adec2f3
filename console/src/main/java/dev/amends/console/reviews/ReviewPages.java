package dev.amends.console.reviews;

import dev.amends.console.pages.Paging;
import dev.amends.console.services.ReviewApi;
import dev.amends.console.services.ServiceProblem;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Public responses to online reviews: the review, the case it is matched to and how strongly, the
 * draft with each counterpoint and the record it rests on, the public-text findings; edit, approve
 * to publish, reject, and retry a failed post.
 */
@Path("/reviews")
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    private static final String REVIEW = "review-service";

    @Inject
    @RestClient
    ReviewApi reviews;

    @Inject
    @Location("reviews/reviews.html")
    Template list;

    @Inject
    @Location("reviews/review.html")
    Template review;

    @GET
    @Operation(summary = "Reviews waiting for an answer", description = "status=FAILED, PUBLISHED, REJECTED, ... "
            + "for one status; without it, every review not yet answered.")
    public TemplateInstance reviews(@QueryParam("status") String status, @QueryParam("page") Integer page) {
        String wanted = status == null || status.isBlank() ? null : status;
        int number = Paging.number(page);
        try {
            RestResponse<List<Map<String, Object>>> answer = ServiceProblem.call(REVIEW,
                    () -> reviews.reviews(wanted, Paging.SIZE, Paging.offset(number)));
            return list.data("status", wanted).data("base", "/reviews?status=" + (wanted == null ? "" : wanted))
                    .data("paging", Paging.ofPage(answer.getEntity(), number, Paging.total(answer)))
                    .data("problem", null);
        } catch (ServiceProblem.Refused refused) {
            return list.data("status", wanted).data("base", "").data("paging", Paging.of(List.of(), 1)).data("problem",
                    refused.problem());
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One review with its draft response, counterpoints and findings")
    public TemplateInstance review(@PathParam("id") UUID id) {
        try {
            return review.data("r", ServiceProblem.call(REVIEW, () -> reviews.review(id))).data("problem", null)
                    .data("actionProblem", null);
        } catch (ServiceProblem.Refused refused) {
            return review.data("r", null).data("problem", refused.problem()).data("actionProblem", null);
        }
    }

    @POST
    @Path("/{id}/response")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Save an edited response (checked again for what may be said in public)")
    public TemplateInstance edit(@PathParam("id") UUID id, @FormParam("text") String text) {
        return acted(id, () -> reviews.edit(id, Map.of("text", text == null ? "" : text)));
    }

    /**
     * Approves the version the page showed: if the record changed and a newer one was drafted since,
     * review-service refuses and the page shows what changed. An older version needs the box ticked.
     */
    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Approve the response: it is published to the review platform")
    public TemplateInstance approve(@PathParam("id") UUID id, @FormParam("version") Integer version,
            @FormParam("olderVersion") boolean olderVersion) {
        Map<String, Object> approval = new HashMap<>();
        approval.put("version", version);
        approval.put("olderVersion", olderVersion);
        return acted(id, () -> reviews.approve(id, approval));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Reject the response, with the reason")
    public TemplateInstance reject(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        return acted(id, () -> reviews.reject(id, Map.of("reason", reason == null ? "" : reason)));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Try a failed post again")
    public TemplateInstance retry(@PathParam("id") UUID id) {
        return acted(id, () -> reviews.retry(id));
    }

    @GET
    @Path("/{id}/response")
    @Operation(summary = "The response part of the page, for it to follow a publication as it happens")
    public TemplateInstance response(@PathParam("id") UUID id) {
        return acted(id, () -> reviews.review(id));
    }

    private TemplateInstance acted(UUID id, Supplier<Map<String, Object>> call) {
        try {
            return review.getFragment("response").data("r", ServiceProblem.call(REVIEW, call))
                    .data("actionProblem", null);
        } catch (ServiceProblem.Refused refused) {
            Map<String, Object> current;
            try {
                current = ServiceProblem.call(REVIEW, () -> reviews.review(id));
            } catch (ServiceProblem.Refused unreadable) {
                current = Map.of("id", id);
            }
            return review.getFragment("response").data("r", current).data("actionProblem", refused.problem());
        }
    }
}
