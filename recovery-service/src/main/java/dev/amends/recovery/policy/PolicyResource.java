package dev.amends.recovery.policy;

import dev.amends.platform.audit.AuditTrail;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
import dev.amends.recovery.ledger.Ledger;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/policy")
@RolesAllowed({ Roles.POLICY_ADMIN, Roles.SUPERVISOR })
@Tag(name = "Policy", description = "The restitution and credit policy: versioned, validated, simulated.")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    static final String YAML = "application/yaml";

    private final Policies policies;
    private final Ledger ledger;
    private final Caller caller;
    private final AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    PolicyResource(Policies policies, Ledger ledger, Caller caller, AuditTrail audit) {
        this.policies = policies;
        this.ledger = ledger;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    @Transactional
    @Operation(summary = "The active policy", description = "Its version, who activated it when, the document as "
            + "read and its source as written.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PolicyView.class)))
    public PolicyView active() {
        return PolicyView.of(policies.current(caller.tenant()), true);
    }

    @GET
    @Produces(YAML)
    @Transactional
    @Operation(summary = "The active policy's source, as written")
    @APIResponse(responseCode = "200", content = @Content(mediaType = YAML))
    public String activeSource() {
        return policies.current(caller.tenant()).source;
    }

    @GET
    @Path("/versions")
    @Transactional
    @Operation(summary = "Every version ever activated, newest first")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = PolicyView.Summary.class, type = SchemaType.ARRAY)))
    public List<PolicyView.Summary> versions() {
        policies.current(caller.tenant());
        List<PolicyVersion> all = PolicyVersion.history(caller.tenant());
        return all.stream().map(v -> PolicyView.Summary.of(v, v == all.get(0))).toList();
    }

    @GET
    @Path("/versions/{version}")
    @Transactional
    @Operation(summary = "One version of the policy")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "404", description = "No such version.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PolicyView version(@PathParam("version") int version) {
        int active = policies.current(caller.tenant()).version;
        PolicyVersion found = PolicyVersion.of(caller.tenant(), version)
                .orElseThrow(() -> ProblemException.notFound("Policy version", version));
        return PolicyView.of(found, found.version == active);
    }

    @RolesAllowed(Roles.POLICY_ADMIN)
    @PUT
    @Consumes({YAML, "text/yaml", "application/x-yaml", MediaType.APPLICATION_JSON})
    @Operation(summary = "Validate and activate a new version",
            description = "Recoveries decided from the next moment on use it. A broken document is refused with "
                    + "every problem listed and the active version keeps running. Putting the active document "
                    + "again changes nothing.")
    @RequestBody(content = @Content(mediaType = YAML, schema = @Schema(implementation = PolicyDocument.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "422", description = "The document is not a valid policy; `errors` lists every problem.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Transactional
    public PolicyView activate(String source) {
        PolicyVersion before = policies.current(caller.tenant());
        PolicyVersion activated = policies.activate(caller.tenant(), source == null ? "" : source, caller.name());
        if (activated.version != before.version) {
            audit.record("policy.activated", "policy", activated.version, Audited.of(before), Audited.of(activated));
        }
        return PolicyView.of(activated, true);
    }

    /** A policy version as the audit trail keeps it; the source itself stays in the version history. */
    record Audited(int version, String name, String checksum) {

        static Audited of(PolicyVersion v) {
            return new Audited(v.version, v.name, v.checksum);
        }
    }

    @POST
    @Path("/simulate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "What the policy would decide",
            description = "Runs a complaint against the active policy or a draft and returns the decision, with "
                    + "nothing recorded, issued or sent.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Simulation.Result.class)))
    @APIResponse(responseCode = "400", description = "An invalid complaint.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The draft is not a valid policy; `errors` lists every problem.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Simulation.Result simulate(@NotNull @Valid Simulation.Request request) {
        boolean draft = request.draft() != null && !request.draft().isNull();
        RecoveryPolicy policy = draft ? new RecoveryPolicy(PolicyReader.read(request.draft().toString()), 0)
                : policies.active(caller.tenant());
        RecoveryCase recoveryCase = request.complaint().toCase();
        Instant now = clock.instant();
        PriorMakeGoods prior = PriorMakeGoods.none();
        if (request.complaint().customerId() != null) {
            prior = ledger.since(caller.tenant(), request.complaint().customerId(),
                    recoveryCase.atStake() == null ? null : recoveryCase.atStake().currency(),
                    now.atOffset(ZoneOffset.UTC).minus(policy.document().history().window()).toInstant());
        }
        return Simulation.Result.of(policy.decide(recoveryCase, prior, now), draft, prior);
    }
}
