package dev.amends.recovery.escalation;

import dev.amends.contract.recovery.AuthorityLevel;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.QueryParameters;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    @Operation(summary = "The escalation queue", description = "Oldest deadline first.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = EscalationView.class, type = SchemaType.ARRAY)))
    public List<EscalationView> list(
            @Parameter(description = "open (default), approved, declined or all") @QueryParam("status") String status,
            @Parameter(description = "SUPERVISOR or MANAGER") @QueryParam("level") String level,
            @Parameter(description = "1 to 500, default 100") @QueryParam("limit") String limit) {
        StringBuilder query = new StringBuilder("tenant = ?1");
        List<Object> parameters = new ArrayList<>(List.of(caller.tenant()));
        EscalationStatus wanted = status(status);
        if (wanted != null) {
            parameters.add(wanted);
            query.append(" and status = ?").append(parameters.size());
        }
        if (level != null && !level.isBlank()) {
            parameters.add(level(level));
            query.append(" and level = ?").append(parameters.size());
        }
        return Escalation.<Escalation>find(query + " order by dueAt, id", parameters.toArray())
                .page(0, QueryParameters.limit(limit, 100, 500)).list().stream().map(EscalationView::of).toList();
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

    private static AuthorityLevel level(String level) {
        try {
            AuthorityLevel parsed = AuthorityLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
            if (parsed != AuthorityLevel.AUTOMATIC) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw QueryParameters.invalid("level", "must be SUPERVISOR or MANAGER");
    }
}
