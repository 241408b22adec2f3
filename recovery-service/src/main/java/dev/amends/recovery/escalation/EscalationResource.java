package dev.amends.recovery.escalation;

import dev.amends.platform.database.Rows;
import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.QueryParameters;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/escalations")
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Escalations", description = "Recoveries above the automatic authority, waiting for a person.")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "An invalid request.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class EscalationResource {

    private final EscalationDesk desk;
    private final Caller caller;

    EscalationResource(EscalationDesk desk, Caller caller) {
        this.desk = desk;
        this.caller = caller;
    }

    @GET
    @Transactional
    @Operation(summary = "The escalation queue",
            description = "Soonest deadline first, a page at a time; the " + QueryParameters.TOTAL_COUNT + " header says how many the "
                    + "filters find in all. first=MANAGER puts manager-level escalations first, so a manager lands on "
                    + "what only they can answer.")
    @APIResponse(responseCode = "200", headers = @Header(name = QueryParameters.TOTAL_COUNT, description = "How many in all.",
            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(implementation = EscalationView.class, type = SchemaType.ARRAY)))
    public RestResponse<List<EscalationView>> list(
            @Parameter(description = "open (default), approved, declined or all") @QueryParam("status") String status,
            @Parameter(description = "SUPERVISOR or MANAGER") @QueryParam("level") String level,
            @Parameter(description = "Only the escalations this owner answers") @QueryParam("owner") String owner,
            @Parameter(description = "SUPERVISOR or MANAGER: that level's escalations first, then the others")
            @QueryParam("first") String first,
            @Parameter(description = "1 to 500, default 100") @QueryParam("limit") String limit,
            @Parameter(description = "How many to skip, from 0: the page's start") @QueryParam("offset") String offset) {
        StringBuilder where = new StringBuilder("tenant = :tenant");
        Parameters parameters = Parameters.with("tenant", caller.tenant());
        EscalationStatus wanted = status(status);
        if (wanted != null) {
            where.append(" and status = :status");
            parameters.and("status", wanted);
        }
        if (level != null && !level.isBlank()) {
            where.append(" and level = :level");
            parameters.and("level", level("level", level));
        }
        if (owner != null && !owner.isBlank()) {
            where.append(" and owner = :owner");
            parameters.and("owner", owner.strip());
        }
        AuthorityLevel firstLevel = first == null || first.isBlank() ? null : level("first", first);
        int size = QueryParameters.limit(limit, 100, 500);
        int skip = QueryParameters.offset(offset);
        long total = Rows.count(Escalation.class, where.toString(), parameters);
        String order = " order by dueAt, id";
        if (firstLevel != null) {
            order = " order by case when level = :first then 0 else 1 end, dueAt, id";
            parameters.and("first", firstLevel);
        }
        List<EscalationView> page = Escalation.<Escalation>find(where + order, parameters)
                .range(skip, skip + size - 1).list().stream().map(EscalationView::of).toList();
        return RestResponse.ResponseBuilder.ok(page).header(QueryParameters.TOTAL_COUNT, total).build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One escalation")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EscalationView.class)))
    @APIResponse(responseCode = "404", description = "No such escalation.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EscalationView get(@PathParam("id") UUID id) {
        return Escalation.<Escalation>findByIdOptional(id).filter(e -> e.tenant.equals(caller.tenant()))
                .map(EscalationView::of)
                .orElseThrow(() -> ProblemException.notFound("Escalation", id));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve the make-good",
            description = "Grants what the policy proposed, or an adjusted make-good within the caller's own "
                    + "authority: a supervisor's limit in the tenant's policy, or a manager's for the manager role. An "
                    + "escalation at manager level needs a manager. The approval is recorded under the signed-in "
                    + "caller's name; the make-good is written to the ledger once and announced as make-good.issued.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EscalationView.class)))
    @APIResponse(responseCode = "404", description = "No such escalation.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already approved or declined.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Above the caller's authority: the problem says whose it needs.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Nothing to grant, or parts in another currency.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EscalationView approve(@PathParam("id") UUID id, @NotNull @Valid EscalationRequests.Approve request) {
        return EscalationView.of(desk.approve(caller.tenant(), id, request, Approver.of(caller)));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decline the make-good, with a reason",
            description = "The reason is kept and announced as escalation.declined; the customer still gets an "
                    + "apology and an honest explanation. An escalation at manager level needs a manager.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EscalationView.class)))
    @APIResponse(responseCode = "404", description = "No such escalation.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already approved or declined.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A manager-level escalation, and the caller is no manager.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EscalationView decline(@PathParam("id") UUID id, @NotNull @Valid EscalationRequests.Decline request) {
        return EscalationView.of(desk.decline(caller.tenant(), id, request, Approver.of(caller)));
    }

    private static EscalationStatus status(String status) {
        if (status == null || status.isBlank()) {
            return EscalationStatus.OPEN;
        }
        if (status.equalsIgnoreCase("all")) {
            return null;
        }
        try {
            return EscalationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid("status", "must be open, approved, declined or all");
        }
    }

    private static AuthorityLevel level(String parameter, String level) {
        try {
            AuthorityLevel parsed = AuthorityLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
            if (parsed != AuthorityLevel.AUTOMATIC) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw QueryParameters.invalid(parameter, "must be SUPERVISOR or MANAGER");
    }
}
