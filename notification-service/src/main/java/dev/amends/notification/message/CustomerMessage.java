package dev.amends.notification.message;

import dev.amends.platform.database.Rows;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.notification.MessageKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message to a customer about their complaint, from the moment it is written until it is sent,
 * held, suppressed, parked or cancelled. There is at most one per (complaint, kind, round,
 * occasion): that unique key is what makes every message go out once.
 */
@Entity
@Table(name = "customer_message")
public class CustomerMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageKind kind;

    /** The recovery round this message is about: 1, then one more for each reopening. */
    @Column(nullable = false)
    public int round;

    /** Tells apart messages of one kind in one round, such as each missed escalation deadline; else 0. */
    @Column(nullable = false)
    public int occasion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactChannel channel;

    /** The address or number; null when the customer cannot be reached on any channel. */
    public String recipient;

    @Column(nullable = false)
    public String locale;

    /** The customer's time zone as the CRM gave it; their own preference, if any, wins over it. */
    @Column(name = "time_zone")
    public String timeZone;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(name = "html_body")
    public String htmlBody;

    /** For an SMS, the whole letter its link opens; null for an e-mail, which is the whole letter. */
    @Column(name = "letter_html")
    public String letterHtml;

    /** Urgent messages answer what the customer just did and ignore quiet hours; the rest wait. */
    @Column(nullable = false)
    public boolean urgent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageStatus status;

    /** Why it is held, suppressed or parked, or the last failure of a pending retry. */
    public String reason;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public int attempts;

    /** While SENDING: until when the dispatcher that claimed it may take to report back. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    /** The provider's id for it (SMS sid, SMTP message id), once sent. */
    @Column(name = "provider_reference")
    public String providerReference;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The trace of the event that caused it: the dispatcher sends it later, on another thread. */
    public String traceparent;

    static boolean exists(UUID complaintId, MessageKind kind, int round, int occasion) {
        return Rows.exist(CustomerMessage.class, "complaintId = ?1 and kind = ?2 and round = ?3 and occasion = ?4",
                complaintId, kind, round, occasion);
    }

    static List<CustomerMessage> forComplaint(String tenant, UUID complaintId) {
        return list("tenant = ?1 and complaintId = ?2 order by createdAt, id", tenant, complaintId);
    }

    static List<CustomerMessage> withStatus(String tenant, MessageStatus status, int offset, int limit) {
        return find("tenant = ?1 and status = ?2 order by dueAt, id", tenant, status).range(offset, offset + limit - 1)
                .list();
    }

    static long countWithStatus(String tenant, MessageStatus status) {
        return Rows.count(CustomerMessage.class, "tenant = ?1 and status = ?2", tenant, status);
    }
}
