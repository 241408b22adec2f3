package dev.amends.notification.customer;

import dev.amends.contract.customer.CustomerErased;
import dev.amends.notification.casefile.CaseFile;
import dev.amends.notification.followup.Feedback;
import dev.amends.notification.message.CustomerMessage;
import dev.amends.notification.message.MessageView;
import dev.amends.notification.preference.ContactPreference;
import dev.amends.notification.promise.Promise;
import dev.amends.platform.customer.CustomerData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What notification holds about one customer: their contact details and preferences, and every
 * message written to them. On erasure the messages keep kind, channel, status and times (what we
 * did), but recipient and words are gone; messages not yet sent are cancelled, so nothing more
 * reaches a customer who asked to be forgotten.
 */
@ApplicationScoped
public class CustomerRecords implements CustomerData {

    private final EntityManager entityManager;

    CustomerRecords(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Runs inside the transaction that consumes the customer.erased event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(CustomerErased erasure) {
        entityManager.createNativeQuery("""
                update customer_message set customer_id = ?3, recipient = ?4, subject = ?4, body = ?4,
                    html_body = null, letter_html = null, provider_reference = null,
                    status = case when status in ('PENDING', 'HELD', 'PARKED') then 'CANCELLED' else status end
                where tenant = ?1 and customer_id = ?2
                """)
                .setParameter(1, erasure.tenant()).setParameter(2, erasure.customerId())
                .setParameter(3, erasure.pseudonym()).setParameter(4, CustomerErased.TEXT).executeUpdate();
        // Follow-ups not yet written are not written at all.
        entityManager.createNativeQuery("delete from scheduled_follow_up where tenant = ?1 and customer_id = ?2")
                .setParameter(1, erasure.tenant()).setParameter(2, erasure.customerId()).executeUpdate();
        ContactPreference.deleteById(new ContactPreference.Key(erasure.tenant(), erasure.customerId()));
        Promise.update("customerId = ?1 where tenant = ?2 and customerId = ?3", erasure.pseudonym(),
                erasure.tenant(), erasure.customerId());
        for (CaseFile file : caseFiles(erasure.tenant(), erasure.customerId())) {
            file.customer = erasure.erased(file.customer);
            file.summary = CustomerErased.TEXT;
            file.specifics = null;
        }
    }

    /** The customer's messages, contact preferences, promises and answers to follow-ups. */
    @Override
    @Transactional
    public Map<String, Object> export(String tenant, String customerId, String authorization) {
        List<CaseFile> files = caseFiles(tenant, customerId);
        List<UUID> complaints = files.stream().map(f -> f.complaintId).toList();
        return Map.of(
                "contactPreferences", ContactPreference.of(tenant, customerId).map(List::of).orElse(List.of()),
                "messages", CustomerMessage.<CustomerMessage>list("tenant = ?1 and customerId = ?2 order by createdAt",
                        tenant, customerId).stream().map(MessageView::of).toList(),
                "promises", Promise.list("tenant = ?1 and customerId = ?2", tenant, customerId),
                "feedback", complaints.isEmpty() ? List.of()
                        : Feedback.list("tenant = ?1 and complaintId in ?2", tenant, complaints),
                "caseFiles", files);
    }

    @SuppressWarnings("unchecked")
    private List<CaseFile> caseFiles(String tenant, String customerId) {
        List<UUID> ids = entityManager.createNativeQuery(
                "select complaint_id from case_file where tenant = ?1 and customer ->> 'id' = ?2")
                .setParameter(1, tenant).setParameter(2, customerId).getResultList();
        return ids.stream().map(id -> (CaseFile) CaseFile.findById(id)).toList();
    }
}
