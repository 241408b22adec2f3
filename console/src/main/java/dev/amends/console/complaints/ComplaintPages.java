package dev.amends.console.complaints;

import dev.amends.console.services.IntakeApi;
import dev.amends.console.services.NotificationApi;
import dev.amends.console.services.RecoveryApi;
import dev.amends.console.services.ServiceProblem;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Complaints: found by customer, order or CRM reference, status, root cause and date, newest first;
 * each with its LEARN timeline, open questions, what was given, what the customer was sent and
 * whether they said it fixed things.
 */
@Path("/complaints")
@Produces(MediaType.TEXT_HTML)
public class ComplaintPages {

    @Inject
    @RestClient
    IntakeApi intake;

    @Inject
    @RestClient
    RecoveryApi recovery;

    @Inject
    @RestClient
    NotificationApi notification;

    @Inject
    @Location("complaints/search.html")
    Template search;

    @Inject
    @Location("complaints/complaint.html")
    Template complaint;

    @GET
    @Operation(summary = "Search complaints", description = "Dates are whole days (UTC): from is included, to as well.")
    public TemplateInstance search(@QueryParam("customer") String customer, @QueryParam("order") String order,
            @QueryParam("crm") String crm, @QueryParam("status") String status, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("rootCause") String rootCause,
            @QueryParam("cursor") String cursor) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("customer", blank(customer));
        filters.put("order", blank(order));
        filters.put("crm", blank(crm));
        filters.put("status", blank(status));
        filters.put("from", blank(from));
        filters.put("to", blank(to));
        filters.put("rootCause", blank(rootCause));
        TemplateInstance page = search.data("filters", filters);
        String since;
        String until;
        try {
            since = from == null || from.isBlank() ? null : startOf(day(from));
            until = to == null || to.isBlank() ? null : startOf(day(to).plusDays(1));
        } catch (DateTimeParseException e) {
            return page.data("items", List.of()).data("total", null).data("next", null).data("problem", new ServiceProblem("console", 400,
                    "A date cannot be read", "Write dates as 2026-11-30.", List.of()));
        }
        try {
            Map<String, Object> found = ServiceProblem.call("intake-service", () -> intake.complaints(
                    filters.get("customer"), filters.get("order"), filters.get("crm"), filters.get("status"), since,
                    until, filters.get("rootCause"), "newest", 25, blank(cursor)));
            String next = found.get("next") == null ? null : nextPage(filters, found.get("next").toString());
            return page.data("items", found.get("items")).data("total", found.get("total")).data("next", next)
                    .data("problem", null);
        } catch (ServiceProblem.Refused refused) {
            return page.data("items", List.of()).data("total", null).data("next", null)
                    .data("problem", refused.problem());
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One complaint: timeline, questions, what was given and sent, the customer's answer")
    public TemplateInstance complaint(@PathParam("id") UUID id) {
        try {
            Map<String, Object> found = ServiceProblem.call("intake-service", () -> intake.complaint(id));
            Object decision = optional("recovery-service", () -> recovery.recovery(id));
            Object messages = optional("notification-service", () -> notification.messages(id, null, 100));
            return complaint.data("c", found).data("recovery", decision).data("messages", messages)
                    .data("problem", null);
        } catch (ServiceProblem.Refused refused) {
            return complaint.data("c", null).data("recovery", null).data("messages", null)
                    .data("problem", refused.problem());
        }
    }

    /** A part of the page another service answers: its refusal is shown in its place. */
    private static Object optional(String service, java.util.function.Supplier<Object> call) {
        try {
            return ServiceProblem.call(service, call);
        } catch (ServiceProblem.Refused refused) {
            return refused.problem();
        }
    }

    private static String nextPage(Map<String, String> filters, String next) {
        String cursor = URI.create(next).getQuery();
        StringBuilder link = new StringBuilder("/complaints?");
        filters.forEach((k, v) -> {
            if (v != null) {
                link.append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))
                        .append('&');
            }
        });
        for (String part : cursor.split("&")) {
            if (part.startsWith("cursor=")) {
                link.append(part);
            }
        }
        return link.toString();
    }

    private static LocalDate day(String value) {
        return LocalDate.parse(value.strip());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }
}
