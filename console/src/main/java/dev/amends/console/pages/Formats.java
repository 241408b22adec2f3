package dev.amends.console.pages;

import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** How the pages write times, amounts and durations: {@code {fmt:when(x)}}, {@code {fmt:money(x)}}. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String when(Object value) {
        Instant at = instant(value);
        return at == null ? "" : WHEN.format(at);
    }

    /** "in 3 h 10 min" or "overdue by 20 min". */
    public static String due(Object value) {
        Instant at = instant(value);
        if (at == null) {
            return "";
        }
        Duration left = Duration.between(Instant.now(), at);
        return left.isNegative() ? "overdue by " + span(left.negated()) : "in " + span(left);
    }

    public static boolean overdue(Object value) {
        Instant at = instant(value);
        return at != null && at.isBefore(Instant.now());
    }

    public static String ago(Object value) {
        Instant at = instant(value);
        return at == null ? "" : span(Duration.between(at, Instant.now())) + " ago";
    }

    static String span(Duration d) {
        if (d.toDays() >= 2) {
            return d.toDays() + " days";
        }
        if (d.toHours() >= 1) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        if (d.toMinutes() >= 1) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }

    /** A Money object of the API ({"amount": "39.00", "currency": "EUR"}) as "39.00 EUR". */
    public static String money(Object value) {
        if (value instanceof Map<?, ?> money && money.get("amount") != null) {
            return money.get("amount") + " " + money.get("currency");
        }
        return "";
    }

    /** A make-good of the API ({"kind": ..., "value": {...}}) as its amount, "" when there is none. */
    public static String given(Object makeGood) {
        return makeGood instanceof Map<?, ?> map ? money(map.get("value")) : "";
    }

    /** ENUM_NAMES as words: "CUSTOMER_NOTIFIED" reads "customer notified". */
    public static String words(Object value) {
        return value == null ? "" : value.toString().replace('_', ' ').toLowerCase();
    }
}
