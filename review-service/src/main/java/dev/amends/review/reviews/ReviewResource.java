package dev.amends.review.reviews;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.platform.audit.AuditTrail;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import dev.amends.platform.problem.QueryParameters;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/reviews")
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Reviews", description = "Online reviews and their public responses: drafted, approved by a person, published.")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    static final String TENANT_HEADER = "Amends-Tenant";

    private final Reviews reviews;
    private final WebhookSignature signature;
    private final ObjectMapper json;
    private final Validator validator;
    private final SignatureReplays replays;
    private final Caller caller;
    private final AuditTrail audit;

    ReviewResource(Reviews reviews, WebhookSignature signature, ObjectMapper json, Validator validator,
            SignatureReplays replays, Caller caller, AuditTrail audit) {
        this.caller = caller;
        this.audit = audit;
        this.reviews = reviews;
        this.signature = signature;
        this.json = json;
        this.validator = validator;
        this.replays = replays;
    }

    @PermitAll
    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take in a review pushed by a platform connector or webhook",
            description = "The body must be signed (header Amends-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 "
                    + "of \"t.body\">) with the connector secret of the tenant Amends-Tenant names; each signature "
                    + "is taken once. A repeated delivery of the same platform review id "
                    + "updates the review; an edit keeps the earlier version in its history. A draft response is "
                    + "written at once.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PushedReview.class)))
    @APIResponse(responseCode = "201", description = "A new review, with its draft.",
            content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "200", description = "A review we had: updated, or the same again.",
            content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "The body is not a valid review; every problem is listed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "The call is not signed; nothing was changed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The signature does not match this tenant's secret, is too old, "
            + "or was used before; nothing was changed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ReviewView> push(
            @Parameter(description = "The tenant (brand) the review is about, whose connector secret signed it; the "
                    + "installation's default tenant if missing.")
            @HeaderParam(TENANT_HEADER) String tenant,
            @HeaderParam(WebhookSignature.HEADER) String signed, byte[] body) throws IOException {
        // The signature covers the exact bytes sent, so they are verified before they are parsed.
        WebhookSignature.Verified verified = signature.verify(tenant, signed, body, Instant.now());
        replays.refuseReplay(verified);
        PushedReview pushed = json.readValue(body, PushedReview.class);
        if (pushed == null) {
            throw new ProblemException(400, ProblemType.MALFORMED_JSON, ProblemType.MALFORMED_JSON.title(),
                    "The body is null; send the review as a JSON object.");
        }
        Set<ConstraintViolation<PushedReview>> violations = validator.validate(pushed);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Reviews.Ingested ingested = reviews.ingest(verified.tenant(), pushed);
        if (ingested.outcome() != Reviews.Outcome.UNCHANGED) {
            reviews.matchAgain(ingested.review().id);
        }
        ReviewView view = reviews.view(ingested.review().id);
        return ingested.outcome() == Reviews.Outcome.CREATED
                ? RestResponse.ResponseBuilder.<ReviewView>created(URI.create("/api/v1/reviews/" + view.id())).entity(view).build()
                : RestResponse.ok(view);
    }

    @GET
    @Transactional
    @Operation(summary = "The review queue, oldest unanswered first",
            description = "Without a status: every review not yet answered (drafted, approved, to post by hand, "
                    + "failed). Oldest first, so nobody waits longest.")
    @APIResponse(responseCode = "200", headers = @Header(name = QueryParameters.TOTAL_COUNT,
            description = "How many reviews the filters find in all.", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(implementation = ReviewSummary[].class)))
    @APIResponse(responseCode = "400", description = "An unknown status or platform, or a bad limit.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<List<ReviewSummary>> list(
            @Parameter(description = "DRAFTED, APPROVED, POST_BY_HAND, PUBLISHED, FAILED or REJECTED.")
            @QueryParam("status") String status,
            @Parameter(description = "Only this platform.") @QueryParam("platform") String platform,
            @Parameter(description = "At most this many (default 50, at most 500).") @QueryParam("limit") String limit,
            @Parameter(description = "How many to skip, from 0: the page's start.") @QueryParam("offset") String offset) {
        Parameters parameters = Parameters.with("tenant", caller.tenant());
        StringBuilder query = new StringBuilder("tenant = :tenant");
        if (status == null) {
            query.append(" and status in :statuses");
            parameters.and("statuses", ReviewStatus.UNANSWERED);
        } else {
            query.append(" and status = :status");
            parameters.and("status", value(ReviewStatus.class, "status", status));
        }
        if (platform != null) {
            query.append(" and platform = :platform");
            parameters.and("platform", value(Platform.class, "platform", platform));
        }
        int size = QueryParameters.limit(limit, 50, 500);
        int skip = QueryParameters.offset(offset);
        long total = Review.count(query.toString(), parameters);
        List<ReviewSummary> page = Review.<Review>find(query.append(" order by writtenAt, id").toString(), parameters)
                .range(skip, skip + size - 1).list().stream().map(ReviewSummary::of).toList();
        return RestResponse.ResponseBuilder.ok(page).header(QueryParameters.TOTAL_COUNT, total).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A review with its match, its draft, the counterpoints and their evidence, and its history")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "404", description = "No such review.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewView get(@PathParam("id") UUID id) {
        return reviews.view(own(id));
    }

    @POST
    @Path("/{id}/response")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit the response",
            description = "The text passes the tone check and the public rules again; an edit needs approval again.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "404", description = "No such review.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The response is approved (on its way) or rejected.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The text breaks a rule; every finding is listed, nothing changed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewView edit(@PathParam("id") UUID id, @Valid @NotNull Decisions.Edit edit) {
        return audited("response.edited", own(id), review -> reviews.edit(review, edit, caller.name()));
    }

    @POST
    @Path("/{id}/approve")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve the response for publishing",
            description = "Posted through the platform's API where we have one; otherwise it waits for a person to "
                    + "post it by hand (status POST_BY_HAND). Name the version you read: if the case record changed "
                    + "and a newer version was drafted since, the approval is refused (409) rather than approving "
                    + "words you have not seen; an older version is approved only with olderVersion true.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "404", description = "No such review.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Only a drafted response can be approved, and only its newest "
            + "version unless olderVersion is true.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The response breaks a rule; edit it first.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewView approve(@PathParam("id") UUID id, @Valid @NotNull Decisions.Approval approval) {
        return audited("response.approved", own(id), review -> reviews.approve(review, approval, caller.name()));
    }

    @POST
    @Path("/{id}/reject")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide not to answer this review in public, with the reason")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "404", description = "No such review.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The response is approved, published or rejected already.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewView reject(@PathParam("id") UUID id, @Valid @NotNull Decisions.Rejection rejection) {
        return audited("response.rejected", own(id), review -> reviews.reject(review, caller.name(),
                caller.noteWithTypedName(rejection.rejectedBy(), rejection.reason())));
    }

    @POST
    @Path("/{id}/posted")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that a person posted the approved response on the platform by hand")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "404", description = "No such review.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The response is not waiting to be posted by hand.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewView posted(@PathParam("id") UUID id, @Valid @NotNull Decisions.Posted posted) {
        return audited("response.posted-by-hand", own(id), review -> reviews.postedByHand(review, caller.name()));
    }

    @RolesAllowed(Roles.OPS)
    @POST
    @Path("/{id}/retry")
    @Transactional
    @Operation(summary = "Try publishing a failed response again, once its cause is fixed")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "404", description = "No such review.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The response has not failed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewView retry(@PathParam("id") UUID id) {
        return audited("response.publish-retried", own(id), reviews::retry);
    }

    @POST
    @Path("/{id}/match")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm which complaint the review is about",
            description = "For a suggestion a person has checked, or a case they found themselves. The draft is "
                    + "written again with the record as fact, unless the response is approved or published.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "404", description = "No such review, or no case record for that complaint.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewView confirmMatch(@PathParam("id") UUID id, @Valid @NotNull Decisions.MatchConfirmation confirmation) {
        return audited("match.confirmed", own(id), review -> reviews.confirmMatch(review, confirmation.complaintId(),
                caller.name()));
    }

    /**
     * Takes a person's decision on a review and writes it to the audit trail with the state before
     * and after. The texts themselves stay in the review's revisions; the trail keeps their digest,
     * because a response may name the reviewer and the trail outlives an erasure.
     */
    private ReviewView audited(String action, UUID id, Function<UUID, Review> decision) {
        Audited before = Audited.of(Review.findById(id));
        Review after = decision.apply(id);
        audit.record(action, "review", id, before, Audited.of(after));
        return reviews.view(after.id);
    }

    record Audited(ReviewStatus status, int responseVersion, String responseDigest, UUID complaintId,
            String approvedBy, String rejectedBy, String rejectionReason, String publishedBy) {

        static Audited of(Review r) {
            return new Audited(r.status, r.responseVersion, digest(r.responseText), r.complaintId, r.approvedBy,
                    r.rejectedBy, r.rejectionReason, r.publishedBy);
        }

        private static String digest(String text) {
            if (text == null) {
                return null;
            }
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }

    /** The id, when it is a review of the caller's tenant; another tenant's review is answered as missing. */
    private UUID own(UUID id) {
        return Review.<Review>findByIdOptional(id).filter(review -> review.tenant.equals(caller.tenant()))
                .map(review -> review.id).orElseThrow(() -> ProblemException.notFound("Review", id));
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
