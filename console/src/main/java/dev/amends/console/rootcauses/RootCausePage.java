package dev.amends.console.rootcauses;

import dev.amends.console.services.IntakeApi;
import dev.amends.console.services.ServiceProblem;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * "Listen for the nugget" (DOMAIN.md rule 8): which internal systems keep failing customers, by
 * root-cause tag week by week, this week against the last, with what was made good; each tag's
 * stories one click away (the complaint search by that tag).
 */
@Path("/root-causes")
@Produces(MediaType.TEXT_HTML)
public class RootCausePage {

    /** The widest bar, in pixels. */
    private static final long BAR = 60;

    @Inject
    @RestClient
    IntakeApi intake;

    @Inject
    @Location("rootcauses/root-causes.html")
    Template page;

    @GET
    @Operation(summary = "Complaints by root cause over the last weeks")
    public TemplateInstance rootCauses(@QueryParam("weeks") Integer weeks) {
        int span = weeks == null ? 8 : Math.max(1, Math.min(52, weeks));
        try {
            Map<String, Object> report = ServiceProblem.call("intake-service", () -> intake.rootCauses(span));
            long peak = 1;
            for (Object cause : (List<?>) report.get("causes")) {
                for (Object week : (List<?>) ((Map<?, ?>) cause).get("weeks")) {
                    peak = Math.max(peak, ((Number) ((Map<?, ?>) week).get("complaints")).longValue());
                }
            }
            // Each week's bar, scaled to the busiest week of any cause.
            for (Object cause : (List<?>) report.get("causes")) {
                for (Object week : (List<?>) ((Map<?, ?>) cause).get("weeks")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> w = (Map<String, Object>) week;
                    w.put("bar", 2 + ((Number) w.get("complaints")).longValue() * BAR / peak);
                }
            }
            return page.data("report", report).data("weeks", span).data("problem", null);
        } catch (ServiceProblem.Refused refused) {
            return page.data("report", null).data("weeks", span).data("problem", refused.problem());
        }
    }
}
