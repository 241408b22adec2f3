package dev.amends.intake.rootcause;

import dev.amends.contract.Money;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.QueryParameters;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/root-causes")
@Produces(MediaType.APPLICATION_JSON)
public class RootCauseResource {

    private final EntityManager entityManager;
    private final Caller caller;

    RootCauseResource(EntityManager entityManager, Caller caller) {
        this.entityManager = entityManager;
        this.caller = caller;
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.SUPERVISOR, Roles.OPS, Roles.POLICY_ADMIN })
    @Operation(summary = "Complaints by root cause, week by week",
            description = "Which internal systems keep failing customers: for each root-cause tag the triage gave, "
                    + "how many complaints came in each week (Monday to Sunday, UTC) and what was made good for "
                    + "them, this week against the last. Two statements, whatever the number of complaints.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RootCauseReport.class)))
    @APIResponse(responseCode = "400", description = "weeks is not 1 to 52.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RootCauseReport report(
            @Parameter(description = "How many weeks back, this one included: 1 to 52, 8 when not given.")
            @QueryParam("weeks") String weeks) {
        int span = QueryParameters.count("weeks", weeks, 8, 52);
        LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate from = thisWeek.minusWeeks(span - 1L);
        List<LocalDate> allWeeks = new ArrayList<>();
        for (int i = 0; i < span; i++) {
            allWeeks.add(from.plusWeeks(i));
        }
        Map<String, Map<LocalDate, Long>> counts = new TreeMap<>();
        for (Object row : entityManager.createNativeQuery("""
                select tag, cast(date_trunc('week', c.received_at at time zone 'UTC') as date), count(*)
                from complaint c, unnest(string_to_array(c.root_causes, ',')) as tag
                where c.tenant = ?1 and c.received_at >= ?2 and tag <> ''
                group by 1, 2
                """).setParameter(1, caller.tenant()).setParameter(2, from.atStartOfDay(ZoneOffset.UTC).toInstant())
                .getResultList()) {
            Object[] r = (Object[]) row;
            counts.computeIfAbsent((String) r[0], t -> new TreeMap<>()).put(day(r[1]),
                    ((Number) r[2]).longValue());
        }
        Map<String, Map<LocalDate, Map<String, BigDecimal>>> given = new TreeMap<>();
        for (Object row : entityManager.createNativeQuery("""
                select tag, cast(date_trunc('week', c.received_at at time zone 'UTC') as date), m.currency, sum(m.amount)
                from complaint c join made_good m on m.complaint_id = c.id,
                     unnest(string_to_array(c.root_causes, ',')) as tag
                where c.tenant = ?1 and c.received_at >= ?2 and tag <> ''
                group by 1, 2, 3
                """).setParameter(1, caller.tenant()).setParameter(2, from.atStartOfDay(ZoneOffset.UTC).toInstant())
                .getResultList()) {
            Object[] r = (Object[]) row;
            given.computeIfAbsent((String) r[0], t -> new TreeMap<>())
                    .computeIfAbsent(day(r[1]), w -> new TreeMap<>())
                    .put(((String) r[2]).strip(), (BigDecimal) r[3]);
        }
        List<RootCauseReport.Cause> causes = new ArrayList<>();
        counts.forEach((tag, byWeek) -> {
            Map<LocalDate, Map<String, BigDecimal>> amounts = given.getOrDefault(tag, Map.of());
            Map<String, BigDecimal> total = new TreeMap<>();
            amounts.values().forEach(week -> week.forEach((currency, sum) -> total.merge(currency, sum, BigDecimal::add)));
            causes.add(new RootCauseReport.Cause(tag, byWeek.values().stream().mapToLong(Long::longValue).sum(),
                    byWeek.getOrDefault(thisWeek, 0L), byWeek.getOrDefault(thisWeek.minusWeeks(1), 0L), money(total),
                    allWeeks.stream().map(w -> new RootCauseReport.Week(w, byWeek.getOrDefault(w, 0L),
                            money(amounts.getOrDefault(w, Map.of())))).toList()));
        });
        causes.sort(Comparator.comparingLong(RootCauseReport.Cause::thisWeek).reversed()
                .thenComparing(Comparator.comparingLong(RootCauseReport.Cause::complaints).reversed()));
        return new RootCauseReport(from, allWeeks, causes);
    }

    /** The week a row is about, as the JDBC driver gives a date. */
    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static List<Money> money(Map<String, BigDecimal> sums) {
        Map<String, BigDecimal> sorted = new LinkedHashMap<>(sums);
        return sorted.entrySet().stream().map(e -> new Money(e.getValue(), e.getKey())).toList();
    }
}
