package dev.amends.intake.complaint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.platform.validation.MailboxAddress;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The customer as the CRM knows them.")
public record CustomerRequest(
        @Schema(description = "The CRM's customer id; every event about this customer is keyed by it.",
                examples = "CUST-1042")
        @NotBlank @Size(max = 100) String id,
        @Schema(examples = "Ada Lovelace") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "ada@example.com")
        @MailboxAddress @Size(max = 320) String email,
        @Schema(description = "E.164 format.", examples = "+4915112345678")
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +4915112345678")
        String phone,
        @Schema(description = "EMAIL or SMS; defaults to EMAIL when an e-mail address is given, else SMS.")
        ContactChannel preferredChannel,
        @Schema(description = "BCP 47 language tag; defaults to en.", examples = "de-DE")
        @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", message = "must be a language tag such as en or de-DE")
        String locale,
        @Schema(description = "IANA time zone, for quiet hours.", examples = "Europe/Berlin") @Size(max = 64)
        String timeZone,
        @Schema(description = "The customer's tier in the CRM.", examples = "gold") @Size(max = 50) String tier) {

    ContactChannel preferredChannelOrDefault() {
        if (preferredChannel != null) {
            return preferredChannel;
        }
        return email != null ? ContactChannel.EMAIL : ContactChannel.SMS;
    }

    String localeOrDefault() {
        return locale == null ? "en" : locale;
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "needs an e-mail address or a phone number so we can get back to the customer")
    public boolean isReachable() {
        return email != null || phone != null;
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "must be EMAIL (with an e-mail address) or SMS (with a phone number)")
    public boolean isPreferredChannelUsable() {
        return preferredChannel == null
                || preferredChannel == ContactChannel.EMAIL && email != null
                || preferredChannel == ContactChannel.SMS && phone != null;
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "must be an IANA time zone such as Europe/Berlin")
    public boolean isTimeZoneKnown() {
        if (timeZone == null) {
            return true;
        }
        try {
            ZoneId.of(timeZone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
