package dev.amends.platform.inbox;

import dev.amends.platform.customer.CustomerData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** What the test application holds about a customer: the complaints it applied for them. */
@ApplicationScoped
public class AppliedComplaintsOfCustomer implements CustomerData {

    private final EntityManager entityManager;

    AppliedComplaintsOfCustomer(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @Transactional
    public Object export(String tenant, String customerId, String authorization) {
        return entityManager.createNativeQuery("select summary from applied_complaint where customer_id = ?1")
                .setParameter(1, customerId).getResultList();
    }
}
