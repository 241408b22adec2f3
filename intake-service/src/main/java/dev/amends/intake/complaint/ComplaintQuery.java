package dev.amends.intake.complaint;

import dev.amends.platform.database.Rows;
import dev.amends.platform.problem.QueryParameters;
import io.quarkus.panache.common.Parameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A filtered, keyset-paginated listing. Pages are ordered by (receivedAt, id), oldest first unless
 * asked for newest first, and the cursor is the last row of the previous page, so complaints filed
 * while a client pages through are never repeated and never shift what is already paged over.
 */
record ComplaintQuery(String tenant, String customerId, ComplaintStatus status, String crmReference,
        String orderReference, Instant since, Instant until, String rootCause, boolean newestFirst, int limit,
        Instant afterReceivedAt, UUID afterId) {

    /** Root-cause tags are the triage's own words: lower-case letters, digits and hyphens. */
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]+");

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    /** Parses the query parameters as given; anything unreadable is a 400 problem naming it. */
    static ComplaintQuery parse(String tenant, String customerId, String status, String crmReference,
            String orderReference, String since, String until, String rootCause, String order, String limit,
            String cursor) {
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
        String tag = blankToNull(rootCause);
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw QueryParameters.invalid("rootCause", "is not a root-cause tag (lower-case letters, digits, hyphens)");
        }
        boolean newestFirst;
        if (order == null || order.isBlank() || order.equals("oldest")) {
            newestFirst = false;
        } else if (order.equals("newest")) {
            newestFirst = true;
        } else {
            throw QueryParameters.invalid("order", "must be oldest (the default) or newest");
        }
        return new ComplaintQuery(tenant, blankToNull(customerId), parseStatus(status), blankToNull(crmReference),
                blankToNull(orderReference == null ? null : orderReference.strip()), QueryParameters.instant("since", since),
                QueryParameters.instant("until", until), tag, newestFirst,
                QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT), afterReceivedAt, afterId);
    }

    List<Complaint> fetch() {
        List<String> conditions = conditions();
        Parameters parameters = parameters();
        if (afterId != null) {
            conditions.add(newestFirst
                    ? "(receivedAt < :afterAt or (receivedAt = :afterAt and id < :afterId))"
                    : "(receivedAt > :afterAt or (receivedAt = :afterAt and id > :afterId))");
            parameters.and("afterAt", afterReceivedAt).and("afterId", afterId);
        }
        String order = newestFirst ? " order by receivedAt desc, id desc" : " order by receivedAt, id";
        return Complaint.<Complaint>find(String.join(" and ", conditions) + order, parameters)
                .range(0, limit)
                .list();
    }

    /** How many complaints the filters find in all, whichever page this is: one count over the same indexes. */
    long total() {
        return Rows.count(Complaint.class, String.join(" and ", conditions()), parameters());
    }

    private List<String> conditions() {
        List<String> conditions = new ArrayList<>(List.of("tenant = :tenant"));
        if (customerId != null) {
            conditions.add("customerId = :customerId");
        }
        if (status != null) {
            conditions.add("status = :status");
        }
        if (crmReference != null) {
            conditions.add("crmReference = :crmReference");
        }
        if (orderReference != null) {
            conditions.add(orderByDigits() ? "orderDigits like :orderDigits"
                    : "lower(orderReference) like :orderPrefix escape '\\'");
        }
        if (since != null) {
            conditions.add("receivedAt >= :since");
        }
        if (until != null) {
            conditions.add("receivedAt < :until");
        }
        if (rootCause != null) {
            conditions.add("(',' || rootCauses || ',') like :rootCause");
        }
        return conditions;
    }

    private Parameters parameters() {
        Parameters parameters = Parameters.with("tenant", tenant);
        if (customerId != null) {
            parameters.and("customerId", customerId);
        }
        if (status != null) {
            parameters.and("status", status);
        }
        if (crmReference != null) {
            parameters.and("crmReference", crmReference);
        }
        if (orderReference != null) {
            if (orderByDigits()) {
                parameters.and("orderDigits", "%" + orderReference + "%");
            } else {
                parameters.and("orderPrefix", orderReference.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (since != null) {
            parameters.and("since", since);
        }
        if (until != null) {
            parameters.and("until", until);
        }
        if (rootCause != null) {
            parameters.and("rootCause", "%," + rootCause + ",%");
        }
        return parameters;
    }

    /**
     * An order is searched ignoring case, by the beginning of its reference ("ord-ux" finds
     * ORD-UX-3001), or, when only digits are given, by its digits anywhere ("3001" finds it too).
     */
    private boolean orderByDigits() {
        return DIGITS.matcher(orderReference).matches();
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
