package dev.amends.notification.preference;

import dev.amends.contract.complaint.ContactChannel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalTime;

/**
 * What a CRM (or the customer through it) sets. Null fields keep their current value; quiet hours
 * are "HH:mm" on the customer's clock and may run past midnight.
 */
public record PreferenceRequest(
        ContactChannel preferredChannel,
        Boolean emailAllowed,
        Boolean smsAllowed,
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String quietFrom,
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String quietUntil,
        String timeZone,
        @NotBlank String changedBy) {

    LocalTime quietFromTime() {
        return quietFrom == null ? null : LocalTime.parse(quietFrom);
    }

    LocalTime quietUntilTime() {
        return quietUntil == null ? null : LocalTime.parse(quietUntil);
    }
}
