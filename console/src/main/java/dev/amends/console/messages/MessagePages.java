package dev.amends.console.messages;

import dev.amends.console.pages.Paging;
import dev.amends.console.services.NotificationApi;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Messages a person must see: those the tone check held, each finding marked in the text (edit and
 * release), and those parked after failed sends, with the reason (retry, or leave them).
 */
@Path("/messages")
@Produces(MediaType.TEXT_HTML)
public class MessagePages {

    private static final String NOTIFICATION = "notification-service";

    @Inject
    @RestClient
    NotificationApi notifications;

    @Inject
    @Location("messages/messages.html")
    Template messages;

    @GET
    @Operation(summary = "The held queue (status=HELD, the default) or the parked one (status=PARKED)")
    public TemplateInstance messages(@QueryParam("status") String status, @QueryParam("page") Integer page) {
        String wanted = "PARKED".equalsIgnoreCase(status) ? "PARKED" : "HELD";
        int number = Paging.number(page);
        try {
            RestResponse<List<Map<String, Object>>> answer = ServiceProblem.call(NOTIFICATION,
                    () -> notifications.queue(wanted, Paging.SIZE, Paging.offset(number)));
            List<Map<String, Object>> marked = answer.getEntity().stream().map(MessagePages::withFindings).toList();
            return messages.data("status", wanted).data("base", "/messages?status=" + wanted)
                    .data("paging", Paging.ofPage(marked, number, Paging.total(answer))).data("problem", null);
        } catch (ServiceProblem.Refused refused) {
            return messages.data("status", wanted).data("base", "").data("paging", Paging.of(List.of(), 1)).data("problem",
                    refused.problem());
        }
    }

    @POST
    @Path("/{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Release a held message, as written or edited")
    public TemplateInstance release(@PathParam("id") UUID id, @FormParam("subject") String subject,
            @FormParam("body") String body) {
        Map<String, Object> release = new LinkedHashMap<>();
        if (subject != null) {
            release.put("subject", subject);
        }
        if (body != null) {
            release.put("body", body);
        }
        return acted(id, () -> notifications.release(id, release));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Send a parked message again")
    public TemplateInstance retry(@PathParam("id") UUID id) {
        return acted(id, () -> notifications.retry(id));
    }

    private TemplateInstance acted(UUID id, Supplier<Map<String, Object>> call) {
        try {
            return messages.getFragment("message").data("m", withFindings(ServiceProblem.call(NOTIFICATION, call)))
                    .data("actionProblem", null);
        } catch (ServiceProblem.Refused refused) {
            return messages.getFragment("message").data("m", Map.of("id", id, "status", "UNKNOWN"))
                    .data("actionProblem", refused.problem());
        }
    }

    /** The message with its text split at the phrases its hold reason names, for the page to mark. */
    static Map<String, Object> withFindings(Map<String, Object> message) {
        Map<String, Object> marked = new LinkedHashMap<>(message);
        List<String> phrases = HeldPhrases.in(String.valueOf(message.getOrDefault("reason", "")));
        marked.put("phrases", phrases);
        marked.put("marked", HeldPhrases.split(String.valueOf(message.getOrDefault("body", "")), phrases));
        return marked;
    }
}
