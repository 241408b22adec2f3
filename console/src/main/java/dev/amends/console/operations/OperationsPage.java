package dev.amends.console.operations;

import dev.amends.console.pages.Paging;
import dev.amends.console.services.NotificationApi;
import dev.amends.console.services.RecoveryApi;
import dev.amends.console.services.ReviewApi;
import dev.amends.console.services.ServiceProblem;
import io.quarkus.oidc.AccessTokenCredential;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The pipeline at a glance, refreshing itself every two seconds: per topic the rate, consumer lag
 * per group and dead-letter depth; per service readiness and outbox backlog and age; and the day's
 * recovery figures. A stage that stalls turns red within one refresh.
 */
@Path("/operations")
@Produces(MediaType.TEXT_HTML)
public class OperationsPage {

    @Inject
    Pipeline pipeline;

    @Inject
    ServiceProbe probe;

    @Inject
    SecurityIdentity identity;

    @Inject
    @RestClient
    RecoveryApi recovery;

    @Inject
    @RestClient
    ReviewApi reviews;

    @Inject
    @RestClient
    NotificationApi notifications;

    @Inject
    @Location("operations/operations.html")
    Template page;

    @GET
    @Operation(summary = "The operations page; it refreshes its figures itself")
    public TemplateInstance operations() {
        return figures(page.instance());
    }

    @GET
    @Path("/live")
    @Operation(summary = "The refreshing part of the operations page")
    public TemplateInstance live() {
        return figures(page.getFragment("live").instance());
    }

    @GET
    @Path("/dead-letters")
    @RolesAllowed("ops")
    @Operation(summary = "The latest records of one dead-letter topic, with their reasons (ops)")
    public TemplateInstance deadLetters(@QueryParam("topic") String topic) {
        return page.getFragment("letters").data("topic", topic).data("letters", pipeline.deadLetters(topic, 20));
    }

    /** A figure the service would not give: not the person's to see, or the service is not answering. */
    private static String unknown(ServiceProblem.Refused refused) {
        return refused.problem().status() == 403 ? "–" : "?";
    }

    private TemplateInstance figures(TemplateInstance instance) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        Map<String, Object> day = new LinkedHashMap<>();
        try {
            day.putAll(ServiceProblem.call("recovery-service", () -> recovery.figures(null)));
        } catch (ServiceProblem.Refused refused) {
            day.put("problem", refused.problem().words());
        }
        try {
            // True counts, however long the queues: one row asked for, the total read from the header.
            day.put("reviewsWaiting", Paging.total(ServiceProblem.call("review-service", () -> reviews.reviews(null, 1, 0))));
        } catch (ServiceProblem.Refused refused) {
            day.put("reviewsWaiting", unknown(refused));
        }
        try {
            day.put("held", Paging.total(ServiceProblem.call("notification-service",
                    () -> notifications.queue("HELD", 1, 0))));
            day.put("parked", Paging.total(ServiceProblem.call("notification-service",
                    () -> notifications.queue("PARKED", 1, 0))));
        } catch (ServiceProblem.Refused refused) {
            day.put("held", unknown(refused));
            day.put("parked", unknown(refused));
        }
        // The brokers and the services are shared by every tenant: only operations see them whole.
        boolean ops = identity.hasRole("ops");
        List<ServiceProbe.ServiceState> services = ops ? probe.probe(token == null ? null : token.getToken()) : List.of();
        // Counted since the notification-service started: the metric, not a query of the day.
        day.put("promisesBroken", ops
                ? String.valueOf((long) services.stream().mapToDouble(ServiceProbe.ServiceState::promisesBroken).sum())
                : "–");
        return instance.data("ops", ops).data("sample", ops ? pipeline.last() : null).data("services", services)
                .data("day", day);
    }
}
