package dev.amends.notification.message;

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

/** A message sent to a customer about their complaint. */
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactChannel channel;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    /** When it went out; null while it is held. */
    @Column(name = "sent_at")
    public Instant sentAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageStatus status;

    /** Why the tone check held it: each phrase and the rule it breaks. */
    @Column(name = "held_because")
    public String heldBecause;

    /** Tells apart messages of one kind in one round, such as each missed escalation deadline; else 0. */
    @Column(nullable = false)
    public int occasion;

    static boolean alreadySent(UUID complaintId, MessageKind kind, int round, int occasion) {
        return count("complaintId = ?1 and kind = ?2 and round = ?3 and occasion = ?4", complaintId, kind, round,
                occasion) > 0;
    }

    static List<CustomerMessage> forComplaint(UUID complaintId) {
        return list("complaintId = ?1 order by sentAt nulls last, id", complaintId);
    }
}
