package dev.amends.intake.complaint;

import dev.amends.platform.problem.QueryParameters;
import io.quarkus.panache.common.Parameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A filtered, keyset-paginated listing. Pages are ordered by (receivedAt, id) and the cursor is the
 * last row of the previous page, so complaints filed while a client pages through are never
 * repeated and never shift what is already paged over; they show up at the end.
 */
record ComplaintQuery(String tenant, String customerId, ComplaintStatus status, String crmReference, Instant since,
        int limit, Instant afterReceivedAt, UUID afterId) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    /** Parses the query parameters as given; anything unreadable is a 400 problem naming it. */
    static ComplaintQuery parse(String tenant, String customerId, String status, String crmReference, String since,
            String limit, String cursor) {
        Instant afterReceivedAt = null;
        UUID afterId = null;
        if (cursor != null) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                afterReceivedAt = Instant.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                throw QueryParameters.invalid("cursor", "is not a cursor this API gave out; start again without one");
            }
        }
        return new ComplaintQuery(tenant, blankToNull(customerId), parseStatus(status), blankToNull(crmReference),
                QueryParameters.instant("since", since), QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT),
                afterReceivedAt, afterId);
    }

    List<Complaint> fetch() {
        List<String> conditions = new ArrayList<>(List.of("tenant = :tenant"));
        Parameters parameters = Parameters.with("tenant", tenant);
        if (customerId != null) {
            conditions.add("customerId = :customerId");
            parameters.and("customerId", customerId);
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        if (crmReference != null) {
            conditions.add("crmReference = :crmReference");
            parameters.and("crmReference", crmReference);
        }
        if (since != null) {
            conditions.add("receivedAt >= :since");
            parameters.and("since", since);
        }
        if (afterId != null) {
            conditions.add("(receivedAt > :afterAt or (receivedAt = :afterAt and id > :afterId))");
            parameters.and("afterAt", afterReceivedAt).and("afterId", afterId);
        }
        return Complaint.<Complaint>find(String.join(" and ", conditions) + " order by receivedAt, id", parameters)
                .range(0, limit)
                .list();
    }

    static String cursorAfter(Complaint last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.receivedAt + "|" + last.id).getBytes(StandardCharsets.UTF_8));
    }

    private static ComplaintStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ComplaintStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid("status", "must be one of " + Arrays.toString(ComplaintStatus.values()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
