package dev.amends.review.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amends.devkit.EndpointAccess;
import dev.amends.review.ReviewTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ReviewTestResource.class)
class EndpointAccessIT {

    private static final Set<String> SUPERVISOR = Set.of("supervisor", "manager");
    private static final Set<String> OPS = Set.of("ops");

    /**
     * Who may call what: the one place that says it for review-service, checked against its OpenAPI
     * document.
     */
    private static final Map<String, Set<String>> ACCESS = Map.ofEntries(
            Map.entry("POST /api/v1/reviews", EndpointAccess.PROVIDER_SIGNED),
            Map.entry("GET /api/v1/reviews", SUPERVISOR),
            Map.entry("GET /api/v1/reviews/{id}", SUPERVISOR),
            Map.entry("POST /api/v1/reviews/{id}/response", SUPERVISOR),
            Map.entry("POST /api/v1/reviews/{id}/approve", SUPERVISOR),
            Map.entry("POST /api/v1/reviews/{id}/reject", SUPERVISOR),
            Map.entry("POST /api/v1/reviews/{id}/posted", SUPERVISOR),
            Map.entry("POST /api/v1/reviews/{id}/retry", OPS),
            Map.entry("POST /api/v1/reviews/{id}/match", SUPERVISOR),
            Map.entry("GET /api/v1/reviews/stats", SUPERVISOR),
            Map.entry("GET /api/v1/case-records/{complaintId}", SUPERVISOR),
            Map.entry("GET /api/v1/customers/{customerId}/data", Set.of("policy-admin")),
            Map.entry("GET /api/v1/audit-trail", Set.of("policy-admin", "ops")));

    @Test
    void everyEndpointRefusesCallersWithoutCredentialsAndRolesItDoesNotAllow() {
        List<String> violations = EndpointAccess.violations(ACCESS);
        assertEquals(List.of(), violations, String.join("\n", violations));
    }
}
