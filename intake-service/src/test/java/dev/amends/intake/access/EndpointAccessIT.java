package dev.amends.intake.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.devkit.AmendsTestResource;
import dev.amends.devkit.EndpointAccess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AmendsTestResource.class)
class EndpointAccessIT {

    private static final Set<String> CRM = Set.of("crm-client");
    private static final Set<String> CRM_OR_SUPERVISOR = Set.of("crm-client", "supervisor", "manager");
    private static final Set<String> POLICY_ADMIN = Set.of("policy-admin");

    /**
     * Who may call what: the one place that says it for intake-service, checked against its OpenAPI
     * document.
     */
    private static final Map<String, Set<String>> ACCESS = Map.ofEntries(
            Map.entry("POST /api/v1/complaints", CRM),
            Map.entry("GET /api/v1/complaints", CRM_OR_SUPERVISOR),
            Map.entry("GET /api/v1/complaints/{id}", CRM_OR_SUPERVISOR),
            Map.entry("POST /api/v1/complaints/{id}/reopen", CRM),
            Map.entry("POST /api/v1/complaints/{id}/questions", CRM),
            Map.entry("POST /api/v1/complaints/{id}/questions/{questionId}/answer", CRM),
            Map.entry("POST /api/v1/webhooks", CRM),
            Map.entry("GET /api/v1/webhooks/{id}", CRM),
            Map.entry("GET /api/v1/webhooks/{id}/deliveries", CRM),
            Map.entry("DELETE /api/v1/webhooks/{id}", CRM),
            Map.entry("POST /api/v1/api-keys", POLICY_ADMIN),
            Map.entry("GET /api/v1/api-keys", POLICY_ADMIN),
            Map.entry("POST /api/v1/api-keys/{id}/rotate", POLICY_ADMIN),
            Map.entry("DELETE /api/v1/api-keys/{id}", POLICY_ADMIN),
            Map.entry("GET /api/v1/customers/{customerId}/data", Set.of("policy-admin")),
            Map.entry("DELETE /api/v1/customers/{customerId}", Set.of("policy-admin")),
            Map.entry("GET /api/v1/root-causes", Set.of("supervisor", "manager", "ops", "policy-admin")),
            Map.entry("GET /api/v1/audit-trail", Set.of("policy-admin", "ops")));

    @Test
    void everyEndpointRefusesCallersWithoutCredentialsAndRolesItDoesNotAllow() {
        List<String> violations = EndpointAccess.violations(ACCESS);
        assertEquals(List.of(), violations, String.join("\n", violations));
    }
}
