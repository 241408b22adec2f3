package dev.amends.recovery.access;

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

    private static final Set<String> CRM_OR_SUPERVISOR = Set.of("crm-client", "supervisor", "manager");
    private static final Set<String> SUPERVISOR = Set.of("supervisor", "manager");
    private static final Set<String> POLICY_ADMIN = Set.of("policy-admin");

    /**
     * Who may call what: the one place that says it for recovery-service, checked against its OpenAPI
     * document.
     */
    private static final Map<String, Set<String>> ACCESS = Map.ofEntries(
            Map.entry("GET /api/v1/recoveries/{complaintId}", CRM_OR_SUPERVISOR),
            Map.entry("GET /api/v1/recoveries/figures", Set.of("supervisor", "manager", "ops", "policy-admin")),
            Map.entry("POST /api/v1/recoveries/{complaintId}/settlements", CRM_OR_SUPERVISOR),
            Map.entry("GET /api/v1/customers/{customerId}/make-goods", CRM_OR_SUPERVISOR),
            Map.entry("GET /api/v1/escalations", SUPERVISOR),
            Map.entry("GET /api/v1/escalations/{id}", SUPERVISOR),
            Map.entry("POST /api/v1/escalations/{id}/approve", SUPERVISOR),
            Map.entry("POST /api/v1/escalations/{id}/decline", SUPERVISOR),
            Map.entry("GET /api/v1/policy", Set.of("policy-admin", "supervisor", "manager")),
            Map.entry("GET /api/v1/policy/versions", Set.of("policy-admin", "supervisor", "manager")),
            Map.entry("GET /api/v1/policy/versions/{version}", Set.of("policy-admin", "supervisor", "manager")),
            Map.entry("PUT /api/v1/policy", POLICY_ADMIN),
            Map.entry("POST /api/v1/policy/simulate", Set.of("policy-admin", "supervisor", "manager")),
            Map.entry("GET /api/v1/customers/{customerId}/data", Set.of("policy-admin")),
            Map.entry("GET /api/v1/audit-trail", Set.of("policy-admin", "ops")));

    @Test
    void everyEndpointRefusesCallersWithoutCredentialsAndRolesItDoesNotAllow() {
        List<String> violations = EndpointAccess.violations(ACCESS);
        assertEquals(List.of(), violations, String.join("\n", violations));
    }
}
