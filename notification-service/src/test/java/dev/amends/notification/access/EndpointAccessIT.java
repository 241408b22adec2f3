package dev.amends.notification.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.devkit.EndpointAccess;
import dev.amends.notification.NotificationTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class EndpointAccessIT {

    private static final Set<String> CRM = Set.of("crm-client");
    private static final Set<String> OPS = Set.of("ops");

    /**
     * Who may call what: the one place that says it for notification-service, checked against its OpenAPI
     * document.
     */
    private static final Map<String, Set<String>> ACCESS = Map.ofEntries(
            Map.entry("POST /api/v1/sms/replies", EndpointAccess.PROVIDER_SIGNED),
            Map.entry("GET /api/v1/feedback/{token}", EndpointAccess.CUSTOMER_LINK),
            Map.entry("POST /api/v1/feedback/{token}", EndpointAccess.CUSTOMER_LINK),
            Map.entry("GET /letters/{token}", EndpointAccess.CUSTOMER_LINK),
            Map.entry("GET /api/v1/unsubscribe/{token}", EndpointAccess.CUSTOMER_LINK),
            Map.entry("POST /api/v1/unsubscribe/{token}", EndpointAccess.CUSTOMER_LINK),
            Map.entry("GET /api/v1/notifications", Set.of("crm-client", "supervisor", "manager", "ops")),
            Map.entry("POST /api/v1/notifications/{id}/retry", OPS),
            Map.entry("POST /api/v1/notifications/{id}/release", Set.of("ops", "supervisor", "manager")),
            Map.entry("GET /api/v1/customers/{customerId}/contact-preferences", CRM),
            Map.entry("PUT /api/v1/customers/{customerId}/contact-preferences", CRM),
            Map.entry("GET /api/v1/customers/{customerId}/data", Set.of("policy-admin")),
            Map.entry("GET /api/v1/audit-trail", Set.of("policy-admin", "ops")));

    @Test
    void everyEndpointRefusesCallersWithoutCredentialsAndRolesItDoesNotAllow() {
        List<String> violations = EndpointAccess.violations(ACCESS);
        assertEquals(List.of(), violations, String.join("\n", violations));
    }
}
