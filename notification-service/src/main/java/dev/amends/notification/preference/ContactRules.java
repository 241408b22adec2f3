package dev.amends.notification.preference;

import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.ContactSeal;
import dev.amends.contract.complaint.Customer;
import dev.amends.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whom we may write to, on which channel, and when: the customer's own preference and consent
 * first, then what the CRM told us, and never inside their quiet hours unless it is urgent.
 */
@ApplicationScoped
public class ContactRules {

    private final NotificationConfig config;
    private final ContactSeal seal;
    private final boolean smsConfigured;

    ContactRules(NotificationConfig config, ContactSeal seal) {
        this.config = config;
        this.seal = seal;
        this.smsConfigured = config.sms().baseUrl().isPresent();
    }

    /** A channel and address we may use, or why there is none. */
    public record Reach(ContactChannel channel, String recipient, String unreachableBecause) {

        public boolean reachable() {
            return unreachableBecause == null;
        }
    }

    /** What the customer told us about being contacted, if anything: read once, passed to the rules below. */
    public Optional<ContactPreference> preference(String tenant, String customerId) {
        return ContactPreference.of(tenant, customerId);
    }

    /** {@code customer} as an event carried them: their contact details are opened here, and only here. */
    public Reach reach(String tenant, Customer customer, Optional<ContactPreference> preference) {
        ContactChannel preferred = preference.map(p -> p.preferredChannel).orElse(customer.preferredChannel());
        List<ContactChannel> order = new ArrayList<>(List.of(ContactChannel.EMAIL, ContactChannel.SMS));
        if (preferred == ContactChannel.SMS) {
            order = List.of(ContactChannel.SMS, ContactChannel.EMAIL);
        }
        ContactSeal.Contact contact;
        try {
            contact = seal.open(tenant, customer.id(), customer.contact());
        } catch (IllegalArgumentException e) {
            return new Reach(order.get(0), null, "the contact details cannot be opened: " + e.getMessage());
        }
        List<String> why = new ArrayList<>();
        for (ContactChannel channel : order) {
            String address = channel == ContactChannel.EMAIL ? contact.email() : contact.phone();
            if (address == null || address.isBlank()) {
                why.add("no " + (channel == ContactChannel.EMAIL ? "e-mail address" : "phone number"));
            } else if (preference.isPresent() && !preference.get().allows(channel)) {
                why.add("opted out of " + channel + " (" + preference.get().changedBy + ")");
            } else if (channel == ContactChannel.SMS && !smsConfigured) {
                why.add("no SMS provider configured");
            } else {
                return new Reach(channel, address, null);
            }
        }
        return new Reach(order.get(0), null, String.join("; ", why));
    }

    /** Whether the customer still allows this channel: they may have opted out since the message was written. */
    public boolean allows(Optional<ContactPreference> preference, ContactChannel channel) {
        return preference.map(p -> p.allows(channel)).orElse(true);
    }

    /** {@code at}, or the end of the customer's quiet hours when {@code at} falls inside them. */
    public Instant outsideQuietHours(Optional<ContactPreference> preference, String customerTimeZone, Instant at) {
        LocalTime from = preference.map(p -> p.quietFrom).orElse(config.quietHours().from());
        LocalTime until = preference.map(p -> p.quietUntil).orElse(config.quietHours().until());
        String zoneName = preference.map(p -> p.timeZone).orElse(customerTimeZone);
        ZoneId zone = zoneName == null || zoneName.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zoneName);
        return QuietHours.end(from, until, at.atZone(zone)).toInstant();
    }

    /** Quiet hours on the customer's clock; they may run past midnight (21:00 to 08:00). */
    static final class QuietHours {

        private QuietHours() {
        }

        static ZonedDateTime end(LocalTime from, LocalTime until, ZonedDateTime at) {
            LocalTime time = at.toLocalTime();
            boolean overnight = from.isAfter(until);
            boolean inside = overnight ? !time.isBefore(from) || time.isBefore(until)
                    : !time.isBefore(from) && time.isBefore(until);
            if (!inside || from.equals(until)) {
                return at;
            }
            ZonedDateTime end = at.with(until).withSecond(0).withNano(0);
            return end.isAfter(at) ? end : ZonedDateTime.of(at.toLocalDate().plusDays(1), until, at.getZone());
        }
    }
}
