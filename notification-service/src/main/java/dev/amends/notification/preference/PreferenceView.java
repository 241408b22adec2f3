package dev.amends.notification.preference;

import dev.amends.contract.complaint.ContactChannel;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * A customer's contact preferences as they apply now: their own where they set them, else the
 * defaults. Quiet hours are "HH:mm" on the customer's clock, as they are set.
 */
public record PreferenceView(String customerId, ContactChannel preferredChannel, boolean emailAllowed,
        boolean smsAllowed, String quietFrom, String quietUntil, String timeZone, String changedBy,
        Instant changedAt) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    static PreferenceView of(String customerId, ContactChannel preferredChannel, boolean emailAllowed,
            boolean smsAllowed, LocalTime quietFrom, LocalTime quietUntil, String timeZone, String changedBy,
            Instant changedAt) {
        return new PreferenceView(customerId, preferredChannel, emailAllowed, smsAllowed, HH_MM.format(quietFrom),
                HH_MM.format(quietUntil), timeZone, changedBy, changedAt);
    }
}
