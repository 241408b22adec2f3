package dev.amends.platform.problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Reads query parameters that are not plain text. Resources take them as strings and parse them
 * here, because JAX-RS answers a query parameter it cannot convert with 404, which tells a client
 * the resource is missing when it is the parameter that is wrong; here it is a 400 naming it.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A page size from 1 to {@code max}; {@code orElse} when not given. */
    public static int limit(String value, int orElse, int max) {
        return count("limit", value, orElse, max);
    }

    /**
     * The response header of a list that pages on the server: how many the filters find in all,
     * whichever page was asked for.
     */
    public static final String TOTAL_COUNT = "X-Total-Count";

    /** Where a page starts: a whole number from 0, in the parameter {@code offset}; 0 when absent. */
    public static int offset(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(value.strip());
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered below, like a negative number
        }
        throw invalid("offset", "must be a whole number from 0");
    }

    /** A whole number from 1 to {@code max} in the parameter {@code name}, {@code orElse} when absent. */
    public static int count(String name, String value, int orElse, int max) {
        if (value == null || value.isBlank()) {
            return orElse;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw invalid(name, "must be a whole number from 1 to " + max);
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** An ISO 8601 instant, or null when not given. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an ISO 8601 instant such as 2026-11-01T00:00:00Z");
        }
        // The years PostgreSQL and every client can hold; an instant outside them is a typing slip.
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw invalid(name, "must be between the years 1 and 9999");
        }
        return instant;
    }

    /** A required UUID. */
    public static UUID requiredUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name, "is required");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be a UUID");
        }
    }

    public static ProblemException invalid(String parameter, String message) {
        return new ProblemException(400, ProblemType.VALIDATION_FAILED, ProblemType.VALIDATION_FAILED.title(),
                parameter + " " + message + "; nothing was changed.",
                List.of(new Problem.FieldError(parameter, message, ProblemType.VALIDATION_FAILED.uri())));
    }
}
