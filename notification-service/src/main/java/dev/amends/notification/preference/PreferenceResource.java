package dev.amends.notification.preference;

import dev.amends.contract.complaint.ContactChannel;
import dev.amends.notification.NotificationConfig;
import dev.amends.platform.problem.Problem;
import dev.amends.platform.problem.QueryParameters;
import dev.amends.platform.security.Caller;
import dev.amends.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{customerId}/contact-preferences")
@RolesAllowed(Roles.CRM_CLIENT)
@Tag(name = "Contact preferences", description = "How, and when, each customer wants to hear from us.")
@Produces(MediaType.APPLICATION_JSON)
public class PreferenceResource {

    private final NotificationConfig config;
    private final Caller caller;

    PreferenceResource(NotificationConfig config, Caller caller) {
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Transactional
    @Operation(summary = "Read a customer's channel, consent and quiet hours")
    @APIResponse(responseCode = "200", description = "Their own settings where they made any, else the defaults.")
    public PreferenceView get(@PathParam("customerId") String customerId) {
        return view(customerId, ContactPreference.of(caller.tenant(), customerId).orElse(null));
    }

    @PUT
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a customer's channel, consent or quiet hours",
            description = "Fields left out keep their value. Takes effect for every message not yet sent, "
                    + "including ones waiting for quiet hours to end.")
    @APIResponse(responseCode = "200", description = "The preferences as they now apply.")
    @APIResponse(responseCode = "400", description = "Invalid channel, time or time zone; nothing was changed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PreferenceView put(@PathParam("customerId") String customerId,
            @Valid @NotNull PreferenceRequest request) {
        if (request.preferredChannel() != null && request.preferredChannel() != ContactChannel.EMAIL
                && request.preferredChannel() != ContactChannel.SMS) {
            throw QueryParameters.invalid("preferredChannel", "must be EMAIL or SMS");
        }
        if ((request.quietFrom() == null) != (request.quietUntil() == null)) {
            throw QueryParameters.invalid("quietFrom and quietUntil", "are set together");
        }
        if (request.timeZone() != null) {
            try {
                ZoneId.of(request.timeZone());
            } catch (DateTimeException e) {
                throw QueryParameters.invalid("timeZone", "must be an IANA time zone such as Europe/Berlin");
            }
        }
        ContactPreference preference = ContactPreference.forUpdate(caller.tenant(), customerId,
                request.changedBy(), Instant.now());
        if (request.preferredChannel() != null) {
            preference.preferredChannel = request.preferredChannel();
        }
        if (request.emailAllowed() != null) {
            preference.emailAllowed = request.emailAllowed();
        }
        if (request.smsAllowed() != null) {
            preference.smsAllowed = request.smsAllowed();
        }
        if (request.quietFrom() != null) {
            preference.quietFrom = request.quietFromTime();
            preference.quietUntil = request.quietUntilTime();
        }
        if (request.timeZone() != null) {
            preference.timeZone = request.timeZone();
        }
        return view(customerId, preference);
    }

    private PreferenceView view(String customerId, ContactPreference p) {
        if (p == null) {
            return PreferenceView.of(customerId, null, true, true, config.quietHours().from(),
                    config.quietHours().until(), null, null, null);
        }
        return PreferenceView.of(customerId, p.preferredChannel, p.emailAllowed, p.smsAllowed,
                p.quietFrom == null ? config.quietHours().from() : p.quietFrom,
                p.quietUntil == null ? config.quietHours().until() : p.quietUntil, p.timeZone, p.changedBy,
                p.changedAt);
    }

}
