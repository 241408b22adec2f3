package dev.amends.recovery.figures;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/recoveries/figures")
@Produces(MediaType.APPLICATION_JSON)
public class DayFiguresResource {

    private final EntityManager entityManager;
    private final Caller caller;

    DayFiguresResource(EntityManager entityManager, Caller caller) {
        this.entityManager = entityManager;
        this.caller = caller;
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.SUPERVISOR, Roles.OPS, Roles.POLICY_ADMIN })
    @Operation(summary = "The recovery figures of the day",
            description = "Recoveries granted at once and escalated, make-goods issued (by currency) since the given "
                    + "instant, midnight UTC today when not given; and the escalation queue as it stands.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DayFigures.class)))
    @APIResponse(responseCode = "400", description = "since cannot be read.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DayFigures figures(@Parameter(description = "ISO 8601 instant.") @QueryParam("since") String sinceParameter) {
        Instant given = QueryParameters.instant("since", sinceParameter);
        Instant since = given != null ? given : LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        String tenant = caller.tenant();
        Object[] decided = (Object[]) entityManager.createNativeQuery("""
                select count(*) filter (where outcome = 'GRANTED'), count(*) filter (where outcome = 'ESCALATED')
                from recovery where tenant = ?1 and decided_at >= ?2
                """).setParameter(1, tenant).setParameter(2, since).getSingleResult();
        List<Money> madeGood = new ArrayList<>();
        long issued = 0;
        for (Object row : entityManager.createNativeQuery("""
                select currency, sum(amount), count(distinct recovery_id) from ledger_entry
                where tenant = ?1 and issued_at >= ?2 group by currency order by currency
                """).setParameter(1, tenant).setParameter(2, since).getResultList()) {
            Object[] r = (Object[]) row;
            madeGood.add(new Money((BigDecimal) r[1], ((String) r[0]).strip()));
            issued += ((Number) r[2]).longValue();
        }
        Object[] queue = (Object[]) entityManager.createNativeQuery("""
                select count(*), count(*) filter (where due_at < now()) from escalation
                where tenant = ?1 and status = 'OPEN'
                """).setParameter(1, tenant).getSingleResult();
        return new DayFigures(since, ((Number) decided[0]).longValue(), ((Number) decided[1]).longValue(), madeGood,
                issued, ((Number) queue[0]).longValue(), ((Number) queue[1]).longValue());
    }
}
