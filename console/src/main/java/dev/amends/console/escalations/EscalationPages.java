package dev.amends.console.escalations;

import dev.amends.console.pages.Paging;
import dev.amends.console.services.IntakeApi;
import dev.amends.console.services.NotificationApi;
import dev.amends.console.services.RecoveryApi;
import dev.amends.console.services.ServiceProblem;
import dev.amends.console.staff.Staff;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The escalation queue: soonest deadline first, overdue ones marked, and for each the customer's
 * own story, the triage, the policy's proposal and why, and the answer: approve as proposed or with
 * another make-good, or decline with the next step for the customer.
 */
@Path("/escalations")
@Produces(MediaType.TEXT_HTML)
public class EscalationPages {

    private static final String RECOVERY = "recovery-service";

    @Inject
    @RestClient
    RecoveryApi recovery;

    @Inject
    @RestClient
    IntakeApi intake;

    @Inject
    @RestClient
    NotificationApi notification;

    @Inject
    Staff staff;

    @Inject
    @Location("escalations/queue.html")
    Template queue;

    @Inject
    @Location("escalations/escalation.html")
    Template escalation;

    @GET
    @Operation(summary = "The escalation queue", description = "Open escalations, soonest deadline first, a page at a "
            + "time with the true total; a manager sees manager-level ones first. status=approved, declined or all for "
            + "answered ones; level and owner narrow it.")
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("level") String level,
            @QueryParam("owner") String owner, @QueryParam("page") Integer page) {
        String wanted = status == null || status.isBlank() ? "open" : status;
        String onLevel = level == null || level.isBlank() ? null : level;
        String byOwner = owner == null || owner.isBlank() ? null : owner.strip();
        int number = Paging.number(page);
        String base = "/escalations?status=" + encode(wanted) + (onLevel == null ? "" : "&level=" + encode(onLevel))
                + (byOwner == null ? "" : "&owner=" + encode(byOwner));
        TemplateInstance instance = queue.data("status", wanted).data("level", onLevel).data("owner", byOwner)
                .data("managerFirst", staff.manager()).data("base", base);
        try {
            RestResponse<List<Map<String, Object>>> answer = ServiceProblem.call(RECOVERY, () -> recovery.escalations(
                    wanted, onLevel, byOwner, staff.manager() ? "MANAGER" : null, Paging.SIZE, Paging.offset(number)));
            return instance.data("paging", Paging.ofPage(answer.getEntity(), number, Paging.total(answer)))
                    .data("problem", null);
        } catch (ServiceProblem.Refused refused) {
            return instance.data("paging", Paging.of(List.of(), 1)).data("problem", refused.problem());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One escalation, with the case it is about")
    public TemplateInstance escalation(@PathParam("id") UUID id) {
        Map<String, Object> found;
        try {
            found = ServiceProblem.call(RECOVERY, () -> recovery.escalation(id));
        } catch (ServiceProblem.Refused refused) {
            return escalation.data("e", null).data("problem", refused.problem()).data("complaint", null)
                    .data("recovery", null).data("caseProblem", null);
        }
        UUID complaintId = UUID.fromString(found.get("complaintId").toString());
        Map<String, Object> complaint = null;
        Map<String, Object> decision = null;
        ServiceProblem caseProblem = null;
        try {
            complaint = ServiceProblem.call("intake-service", () -> intake.complaint(complaintId));
            decision = ServiceProblem.call(RECOVERY, () -> recovery.recovery(complaintId));
        } catch (ServiceProblem.Refused refused) {
            caseProblem = refused.problem();
        }
        return escalation.data("e", found).data("problem", null).data("complaint", complaint)
                .data("recovery", decision).data("caseProblem", caseProblem);
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Approve, as proposed or with another make-good within the approver's authority")
    public TemplateInstance approve(@PathParam("id") UUID id, @FormParam("makeGood") String makeGood,
            @FormParam("kind") String kind, @FormParam("amount") String amount, @FormParam("currency") String currency,
            @FormParam("description") String description, @FormParam("note") String note) {
        Map<String, Object> approval = new LinkedHashMap<>();
        if ("adjusted".equals(makeGood)) {
            approval.put("makeGoods", List.of(Map.of("kind", blankToEmpty(kind), "value",
                    Map.of("amount", blankToEmpty(amount), "currency", blankToEmpty(currency)),
                    "description", blankToEmpty(description))));
        }
        if (note != null && !note.isBlank()) {
            approval.put("note", note);
        }
        return answered(id, () -> recovery.approve(id, approval));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Decline, with the next step for the customer")
    public TemplateInstance decline(@PathParam("id") UUID id, @FormParam("nextStep") String nextStep) {
        Map<String, Object> decline = new LinkedHashMap<>();
        decline.put("reason", blankToEmpty(nextStep));
        return answered(id, () -> recovery.decline(id, decline));
    }

    @GET
    @Path("/{id}/customer-hears")
    @Operation(summary = "What the customer of an escalation has been sent, for the page to show as it happens")
    public TemplateInstance customerHears(@PathParam("id") UUID id, @QueryParam("complaintId") UUID complaintId) {
        try {
            List<Map<String, Object>> messages = ServiceProblem.call("notification-service",
                    () -> notification.messages(complaintId, null, 50));
            return escalation.getFragment("hears").data("messages", messages).data("hearsProblem", null)
                    .data("complaintId", complaintId).data("id", id);
        } catch (ServiceProblem.Refused refused) {
            return escalation.getFragment("hears").data("messages", new ArrayList<>())
                    .data("hearsProblem", refused.problem()).data("complaintId", complaintId).data("id", id);
        }
    }

    private TemplateInstance answered(UUID id, java.util.function.Supplier<Map<String, Object>> call) {
        try {
            Map<String, Object> answered = ServiceProblem.call(RECOVERY, call);
            return escalation.getFragment("answer").data("e", answered).data("answerProblem", null);
        } catch (ServiceProblem.Refused refused) {
            Map<String, Object> current;
            try {
                current = ServiceProblem.call(RECOVERY, () -> recovery.escalation(id));
            } catch (ServiceProblem.Refused unreadable) {
                current = Map.of("id", id, "status", "UNKNOWN");
            }
            return escalation.getFragment("answer").data("e", current).data("answerProblem", refused.problem());
        }
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
