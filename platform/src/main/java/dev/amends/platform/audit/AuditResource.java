package dev.amends.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit-trail")
@RolesAllowed({ Roles.POLICY_ADMIN, Roles.OPS })
@Tag(name = "Audit trail", description = "Every decision a person took here: who, what, when, before and after.")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** One decision as recorded. */
    public record Entry(long id, Instant recordedAt, String actor, String action, String subjectType,
            String subjectId, JsonNode before, JsonNode after) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Caller caller;

    AuditResource(EntityManager entityManager, ObjectMapper json, Caller caller) {
        this.entityManager = entityManager;
        this.json = json;
        this.caller = caller;
    }

    @GET
    @Transactional
    @Operation(summary = "The tenant's audit trail, newest first",
            description = "Optionally only the entries about one subject (its type and id).")
    @APIResponse(responseCode = "200")
    public List<Entry> list(
            @Parameter(description = "e.g. escalation, policy, review, api-key, customer")
            @QueryParam("subjectType") String subjectType,
            @Parameter(description = "The subject's id.") @QueryParam("subjectId") String subjectId,
            @Parameter(description = "1 to 500, default 100") @QueryParam("limit") String limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, recorded_at, actor, action, subject_type, subject_id, cast(before as text), cast(after as text)
                from amends_audit_entry
                where tenant = ?1 and (cast(?2 as text) is null or subject_type = ?2)
                  and (cast(?3 as text) is null or subject_id = ?3)
                order by id desc limit ?4
                """)
                .setParameter(1, caller.tenant())
                .setParameter(2, subjectType)
                .setParameter(3, subjectId)
                .setParameter(4, QueryParameters.limit(limit, 100, 500))
                .getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), instant(r[1]),
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], read((String) r[6]), read((String) r[7])))
                .toList();
    }

    /** The JDBC driver hands timestamptz back as a Timestamp or an OffsetDateTime, by version. */
    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    private JsonNode read(String value) {
        try {
            return value == null ? null : json.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
