package dev.amends.intake.apikey;

import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/api-keys")
@Tag(name = "API keys", description = "Keys for CRM integrations that cannot fetch OAuth tokens: hashed, scoped, "
        + "expiring, rotatable. Send one as the X-Api-Key header.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.POLICY_ADMIN)
public class ApiKeyResource {

    private static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);
    private static final Duration LONGEST_VALIDITY = Duration.ofDays(366);
    private static final Duration DEFAULT_OVERLAP = Duration.ofHours(1);
    private static final Duration LONGEST_OVERLAP = Duration.ofDays(7);

    private final ApiKeys keys;
    private final Caller caller;

    ApiKeyResource(ApiKeys keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an API key", description = "For the administrator's own tenant. The answer holds "
            + "the key; it is shown this once and only its hash is kept.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid; no key was issued.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ApiKeyView> issue(@Valid @NotNull ApiKeyRequests.Issue request, UriInfo uri) {
        Duration validFor = within(request.validFor(), DEFAULT_VALIDITY, LONGEST_VALIDITY, "validFor");
        ApiKeys.Issued issued = keys.issue(caller.tenant(), request.client(),
                request.scopes().stream().map(Scope::named).flatMap(Optional::stream).toList(), validFor,
                caller.name());
        return created(issued, uri.getBaseUriBuilder().path("/api/v1/api-keys/" + issued.key().id).build());
    }

    @GET
    @Operation(summary = "List the tenant's API keys", description = "Oldest first, with revoked and expired ones.")
    @APIResponse(responseCode = "200")
    public List<ApiKeyView> list() {
        return keys.ofTenant(caller.tenant()).stream().map(ApiKeyView::of).toList();
    }

    @POST
    @Path("/{id}/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rotate an API key", description = "Issues a new key with the same client, scopes and "
            + "lifetime; the old one keeps working for the overlap, then stops.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "404", description = "No usable key with this id in the tenant.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ApiKeyView> rotate(@PathParam("id") UUID id, @Valid ApiKeyRequests.Rotate request,
            UriInfo uri) {
        Duration overlap = within(request == null ? null : request.overlap(), DEFAULT_OVERLAP, LONGEST_OVERLAP,
                "overlap");
        ApiKeys.Issued issued = keys.rotate(caller.tenant(), id, overlap, caller.name());
        return created(issued, uri.getBaseUriBuilder().path("/api/v1/api-keys/" + issued.key().id).build());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key", description = "It stops working at once.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "404", description = "No usable key with this id in the tenant.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApiKeyView revoke(@PathParam("id") UUID id) {
        return ApiKeyView.of(keys.revoke(caller.tenant(), id));
    }

    private static RestResponse<ApiKeyView> created(ApiKeys.Issued issued, URI location) {
        return RestResponse.ResponseBuilder.<ApiKeyView>created(location)
                .entity(ApiKeyView.of(issued.key(), issued.secret())).build();
    }

    private static Duration within(Duration asked, Duration fallback, Duration longest, String field) {
        if (asked == null) {
            return fallback;
        }
        if (asked.isNegative() || asked.isZero() || asked.compareTo(longest) > 0) {
            throw new ProblemException(400, ProblemType.VALIDATION_FAILED, ProblemType.VALIDATION_FAILED.title(),
                    field + " must be positive and at most " + longest + "; nothing was changed.",
                    List.of(new Problem.FieldError(field, "must be positive and at most " + longest,
                            ProblemType.VALIDATION_FAILED.uri())));
        }
        return asked;
    }
}
