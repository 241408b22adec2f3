package dev.amends.platform.contact;

import dev.amends.contract.complaint.ContactSeal;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that seals customers' contact details in events. Only intake-service (which seals) and
 * notification-service (which opens) are given it, as AMENDS_CONTACT_KEY; the other services
 * never ask for it.
 */
public class ContactKeys {

    @Produces
    @Singleton
    ContactSeal contactSeal(@ConfigProperty(name = "amends.contact.key-id", defaultValue = "k1") String keyId,
            @ConfigProperty(name = "amends.contact.key") Optional<String> key) {
        return new ContactSeal(keyId, key.orElseThrow(() -> new IllegalStateException(
                "AMENDS_CONTACT_KEY is not set: 32 random bytes, base64 (openssl rand -base64 32), the same for "
                        + "intake-service and notification-service")));
    }
}
