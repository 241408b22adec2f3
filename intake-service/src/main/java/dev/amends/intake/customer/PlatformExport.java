package dev.amends.intake.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.intake.complaint.ComplaintIntake;
import dev.amends.platform.customer.CustomerData;
import dev.amends.platform.problem.ProblemException;
import dev.amends.platform.problem.ProblemType;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what the other services hold about a customer, each from its own
 * {@code /api/v1/customers/{id}/data}, asking with the caller's own credentials so that each
 * service checks the role and the tenant itself. All or nothing: an export that silently lacks a
 * service's part would tell the customer less than we hold.
 */
@ApplicationScoped
public class PlatformExport implements CustomerData {

    /** Everything the platform holds about one customer of a tenant, service by service. */
    public record Export(String customerId, String tenant, Instant exportedAt, Map<String, JsonNode> services) {
    }

    /** Where the other services answer, and whether to ask them (not when intake runs alone, in its tests). */
    @ConfigMapping(prefix = "amends.intake.export")
    public interface ExportConfig {
        boolean askOtherServices();

        Map<String, String> services();

        Duration timeout();
    }

    private final ExportConfig config;
    private final ComplaintIntake intake;
    private final ObjectMapper json;
    private final HttpClient http;

    PlatformExport(ExportConfig config, ComplaintIntake intake, ObjectMapper json) {
        this.config = config;
        this.intake = intake;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public Export export(String tenant, String customerId, String authorization) {
        Map<String, JsonNode> parts = new TreeMap<>();
        config.services().forEach((service, url) -> {
            if (!config.askOtherServices()) {
                return;
            }
            URI uri = URI.create(url.replaceAll("/$", "") + "/api/v1/customers/"
                    + URLEncoder.encode(customerId, StandardCharsets.UTF_8).replace("+", "%20") + "/data");
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                    .header("Authorization", authorization).header("Accept", "application/json").GET().build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw incomplete(service, "answered " + response.statusCode());
                }
                parts.put(service, json.readTree(response.body()));
            } catch (IOException e) {
                throw incomplete(service, "could not be reached");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw incomplete(service, "was interrupted");
            }
        });
        parts.put("intake-service", json.valueToTree(Map.of("complaints", intake.ofCustomer(tenant, customerId))));
        return new Export(customerId, tenant, Instant.now(), parts);
    }

    private static ProblemException incomplete(String service, String what) {
        return new ProblemException(503, ProblemType.TEMPORARILY_UNAVAILABLE, "The export would be incomplete",
                service + " " + what + ", so no partial export is given; ask again shortly.");
    }
}
