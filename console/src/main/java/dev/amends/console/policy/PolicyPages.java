package dev.amends.console.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.amends.console.services.IntakeApi;
import dev.amends.console.services.RecoveryApi;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The tenant's recovery policy: the active version, its history, a dry run of a draft against the
 * most recent complaints, side by side with what the active version decides, and, for a policy
 * admin, activating the draft as the next version (recovery-service checks it, records who, and
 * audits it).
 */
@Path("/policy")
@Produces(MediaType.TEXT_HTML)
public class PolicyPages {

    /** How many recent complaints a dry run replays. */
    static final int DRY_RUN_COMPLAINTS = 20;

    private static final ObjectMapper YAML = new YAMLMapper();

    @Inject
    @RestClient
    RecoveryApi recovery;

    @Inject
    @RestClient
    IntakeApi intake;

    @Inject
    @Location("policy/policy.html")
    Template page;

    @GET
    @Operation(summary = "The active policy, its history, and the dry-run form")
    public TemplateInstance policy() {
        try {
            Map<String, Object> active = ServiceProblem.call("recovery-service", () -> recovery.policy());
            List<Map<String, Object>> versions = ServiceProblem.call("recovery-service", () -> recovery.policyVersions());
            return page.data("active", active).data("versions", versions).data("problem", null);
        } catch (ServiceProblem.Refused refused) {
            return page.data("active", null).data("versions", List.of()).data("problem", refused.problem());
        }
    }

    @POST
    @Path("/dry-run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Decide the most recent complaints by a draft policy and by the active one, recording nothing")
    public TemplateInstance dryRun(@FormParam("draft") String draft) {
        TemplateInstance result = page.getFragment("dryrun").instance();
        JsonNode document;
        try {
            document = YAML.readTree(draft == null ? "" : draft);
        } catch (JsonProcessingException e) {
            return result.data("rows", List.of()).data("dryProblem", new ServiceProblem("console", 400,
                    "The draft is not YAML", e.getOriginalMessage(), List.of()));
        }
        try {
            List<?> recent = (List<?>) ServiceProblem.call("intake-service", () -> intake.complaints(null, null, null,
                    null, null, null, null, "newest", DRY_RUN_COMPLAINTS, null)).get("items");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object item : recent) {
                Map<?, ?> summary = (Map<?, ?>) item;
                Map<String, Object> full = ServiceProblem.call("intake-service",
                        () -> intake.complaint(java.util.UUID.fromString(summary.get("id").toString())));
                Map<String, Object> complaint = asSimulated(full);
                Map<String, Object> now = ServiceProblem.call("recovery-service",
                        () -> recovery.simulate(Map.of("complaint", complaint)));
                Map<String, Object> drafted = ServiceProblem.call("recovery-service",
                        () -> recovery.simulate(Map.of("complaint", complaint, "draft", document)));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("complaint", full);
                row.put("now", now);
                row.put("draft", drafted);
                row.put("changed", !String.valueOf(now.get("outcome")).equals(String.valueOf(drafted.get("outcome")))
                        || !String.valueOf(now.get("makeGood")).equals(String.valueOf(drafted.get("makeGood"))));
                rows.add(row);
            }
            return result.data("rows", rows).data("dryProblem", null);
        } catch (ServiceProblem.Refused refused) {
            return result.data("rows", List.of()).data("dryProblem", refused.problem());
        }
    }

    @POST
    @Path("/activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Activate a draft as the tenant's next policy version (policy admins)")
    public TemplateInstance activate(@FormParam("draft") String draft) {
        TemplateInstance result = page.getFragment("activated").instance();
        try {
            Map<String, Object> activated = ServiceProblem.call("recovery-service",
                    () -> recovery.activate(draft == null ? "" : draft));
            return result.data("activated", activated).data("activateProblem", null);
        } catch (ServiceProblem.Refused refused) {
            return result.data("activated", null).data("activateProblem", refused.problem());
        }
    }

    /** The parts of a complaint the policy decides on, as the simulate endpoint takes them. */
    static Map<String, Object> asSimulated(Map<String, Object> complaint) {
        Map<String, Object> triage = asMap(complaint.get("triage"));
        Map<String, Object> customer = asMap(complaint.get("customer"));
        Map<String, Object> simulated = new LinkedHashMap<>();
        simulated.put("category", complaint.get("category"));
        simulated.put("severity", triage.get("severity"));
        simulated.put("fault", complaint.get("fault"));
        simulated.put("tier", customer.get("tier"));
        simulated.put("overService", Boolean.TRUE.equals(triage.get("overService")));
        simulated.put("amountAtStake", complaint.get("amountAtStake"));
        simulated.put("orderReference", complaint.get("orderReference"));
        simulated.put("customerId", customer.get("id"));
        simulated.put("round", complaint.get("round"));
        simulated.values().removeIf(java.util.Objects::isNull);
        return simulated;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
