package dev.amends.intake.webhook;

import dev.amends.intake.apikey.Scope;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import dev.amends.platform.problem.QueryParameters;
import dev.amends.platform.security.Caller;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.PermissionsAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Signed CloudEvents for every status change of a tenant's complaints.")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Scope.WEBHOOKS_MANAGE)
public class WebhookResource {

    private final Caller caller;
    private final WebhookConfig config;

    WebhookResource(Caller caller, WebhookConfig config) {
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Register a webhook",
            description = "Every later status change of the tenant's complaints whose type is listed is POSTed to "
                    + "the URL as a CloudEvent (application/cloudevents+json), signed in the Amends-Signature header "
                    + "as t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the secret>. Reject "
                    + "timestamps older than five minutes. Failed deliveries are retried with exponential backoff "
                    + "for 48 hours, in order per complaint.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "The registration is not valid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<WebhookView> register(@Valid @NotNull WebhookRequests.Register request, UriInfo uri) {
        WebhookTargets.refusal(request.url(), config.privateTargetsAllowed()).ifPresent(refusal -> {
            throw new ProblemException(400, ProblemType.VALIDATION_FAILED, ProblemType.VALIDATION_FAILED.title(),
                    "url " + refusal + "; nothing was registered.",
                    List.of(new Problem.FieldError("url", refusal, ProblemType.VALIDATION_FAILED.uri())));
        });
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.tenant = caller.tenant();
        subscription.url = request.url();
        subscription.eventTypes = String.join(",", request.eventTypes());
        subscription.secret = request.secret();
        subscription.active = true;
        subscription.createdAt = Instant.now();
        subscription.persist();
        return RestResponse.ResponseBuilder.<WebhookView>created(
                uri.getAbsolutePathBuilder().path(subscription.id.toString()).build())
                .entity(WebhookView.of(subscription)).build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Read a webhook")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such webhook for this tenant.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookView get(@PathParam("id") UUID id) {
        return WebhookView.of(subscription(id));
    }

    @GET
    @Path("/{id}/deliveries")
    @Transactional
    @Operation(summary = "List a webhook's deliveries, newest first",
            description = "Each delivery's status (PENDING, DELIVERED, FAILED), attempts, last answer or error, "
                    + "and when it is tried next.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "limit cannot be read.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such webhook for this tenant.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<WebhookView.Delivery> deliveries(@PathParam("id") UUID id,
            @Parameter(description = "How many, 1 to 500; 100 when not given.") @QueryParam("limit") String limit) {
        WebhookSubscription subscription = subscription(id);
        return WebhookDelivery.<WebhookDelivery>find("subscriptionId", Sort.descending("id"), subscription.id)
                .page(Page.ofSize(QueryParameters.limit(limit, 100, 500))).list().stream().map(WebhookView.Delivery::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Stop a webhook", description = "No further changes are delivered to it, and those still "
            + "waiting to be delivered are cancelled.")
    @APIResponse(responseCode = "204")
    @APIResponse(responseCode = "404", description = "No such webhook for this tenant.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void stop(@PathParam("id") UUID id) {
        WebhookSubscription subscription = subscription(id);
        subscription.active = false;
        WebhookDelivery.update("status = ?1, lastError = ?2 where subscriptionId = ?3 and status = ?4",
                WebhookDelivery.Status.CANCELLED, "not sent: the webhook was stopped", subscription.id,
                WebhookDelivery.Status.PENDING);
    }

    private WebhookSubscription subscription(UUID id) {
        return WebhookSubscription.ofTenant(id, caller.tenant())
                .orElseThrow(() -> ProblemException.notFound("Webhook", id));
    }
}
