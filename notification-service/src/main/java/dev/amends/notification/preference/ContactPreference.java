package dev.amends.notification.preference;

import dev.amends.contract.complaint.ContactChannel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

/** What one customer told us about being contacted: channel, consent per channel, quiet hours. */
@Entity
@Table(name = "contact_preference")
public class ContactPreference extends PanacheEntityBase {

    @Embeddable
    public record Key(String tenant, @Column(name = "customer_id") String customerId) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    /** Null: the channel the CRM gave with the complaint. */
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    public ContactChannel preferredChannel;

    @Column(name = "email_allowed", nullable = false)
    public boolean emailAllowed = true;

    @Column(name = "sms_allowed", nullable = false)
    public boolean smsAllowed = true;

    /** Null: the default quiet hours. */
    @Column(name = "quiet_from")
    public LocalTime quietFrom;

    @Column(name = "quiet_until")
    public LocalTime quietUntil;

    /** Null: the time zone the CRM gave with the complaint. */
    @Column(name = "time_zone")
    public String timeZone;

    /** Who changed it last: the customer's STOP reply, their unsubscribe click, or the CRM. */
    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static Optional<ContactPreference> of(String tenant, String customerId) {
        return findByIdOptional(new Key(tenant, customerId));
    }

    /** The customer's row, locked, created with the defaults when they have none yet. */
    static ContactPreference forUpdate(String tenant, String customerId, String changedBy, Instant now) {
        getEntityManager().createNativeQuery("""
                insert into contact_preference (tenant, customer_id, changed_by, changed_at)
                values (?1, ?2, ?3, ?4) on conflict do nothing
                """).setParameter(1, tenant).setParameter(2, customerId).setParameter(3, changedBy)
                .setParameter(4, now).executeUpdate();
        ContactPreference preference = findById(new Key(tenant, customerId), LockModeType.PESSIMISTIC_WRITE);
        preference.changedBy = changedBy;
        preference.changedAt = now;
        return preference;
    }

    public boolean allows(ContactChannel channel) {
        return switch (channel) {
            case EMAIL -> emailAllowed;
            case SMS -> smsAllowed;
            default -> false;
        };
    }
}
