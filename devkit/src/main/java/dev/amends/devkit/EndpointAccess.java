package dev.amends.devkit;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Proves a service's default deny from its own OpenAPI document: every operation listed there must
 * be in the access table, answer 401 to a caller without credentials (unless it is a signed link a
 * customer follows), 403 to each role the table leaves out, and let the roles it names through.
 * An endpoint added without an entry in the table fails the check, so none can slip in unseen.
 */
public final class EndpointAccess {

    /** The signed, expiring links sent to customers: their token is their only credential. */
    public static final Set<String> CUSTOMER_LINK = Set.of("customer-link");
    /**
     * Webhooks a provider (SMS, review platform) signs with a shared secret: without the signature
     * they answer 401 whatever bearer token comes along.
     */
    public static final Set<String> PROVIDER_SIGNED = Set.of("provider-signed");

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private EndpointAccess() {
    }

    /**
     * What is wrong with the service's access rules, one line a finding; empty when each operation
     * is guarded as {@code table} says ({@code "POST /api/v1/complaints"} to the roles allowed).
     */
    public static List<String> violations(Map<String, Set<String>> table) {
        SignedIn.out();
        List<String> violations = new ArrayList<>();
        for (String open : List.of("/q/health/ready", "/q/health/live", "/q/openapi")) {
            int status = RestAssured.given().get(open).statusCode();
            if (status != 200) {
                violations.add(open + " without credentials answered " + status + ", not 200");
            }
        }
        JsonPath openApi = RestAssured.given().queryParam("format", "json").get("/q/openapi").jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        Set<String> listed = new TreeSet<>();
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                listed.add(name);
                Set<String> allowed = table.get(name);
                if (allowed == null) {
                    violations.add(name + " is in the OpenAPI document but not in the access table");
                    continue;
                }
                check(name, contentType(operation.getValue()), allowed, violations);
            }
        }
        table.keySet().stream().filter(name -> !listed.contains(name))
                .forEach(name -> violations.add(name + " is in the access table but not in the OpenAPI document"));
        return violations;
    }

    private static void check(String operation, String contentType, Set<String> allowed, List<String> violations) {
        Response anonymous = send(operation, contentType, null);
        if (allowed == CUSTOMER_LINK) {
            if (anonymous.statusCode() == 401 || anonymous.statusCode() == 403) {
                violations.add(operation + " is a customer link but refused a caller without credentials: "
                        + anonymous.statusCode());
            }
            return;
        }
        if (allowed == PROVIDER_SIGNED) {
            for (String role : SignedIn.EVERY_ROLE) {
                int status = send(operation, contentType, SignedIn.bearer(SignedIn.TENANT, role)).statusCode();
                if (status != 401) {
                    violations.add(operation + " is provider-signed but answered an unsigned call by " + role
                            + " with " + status + ", not 401");
                }
            }
        }
        if (anonymous.statusCode() != 401) {
            violations.add(operation + " without credentials answered " + anonymous.statusCode() + ", not 401");
        } else if (!String.valueOf(anonymous.contentType()).startsWith("application/problem+json")) {
            violations.add(operation + " answered 401 as " + anonymous.contentType() + ", not problem+json");
        }
        for (String role : allowed == PROVIDER_SIGNED ? new String[0] : SignedIn.EVERY_ROLE) {
            int status = send(operation, contentType, SignedIn.bearer(SignedIn.TENANT, role)).statusCode();
            if (allowed.contains(role) && (status == 401 || status == 403)) {
                violations.add(operation + " refused the " + role + " role it allows: " + status);
            } else if (!allowed.contains(role) && status != 403) {
                violations.add(operation + " answered the " + role + " role with " + status + ", not 403");
            }
        }
    }

    private static Response send(String operation, String contentType, String authorization) {
        String method = operation.substring(0, operation.indexOf(' '));
        // Path parameters get values that name nothing: a random id, or a word.
        String path = operation.substring(operation.indexOf(' ') + 1)
                .replaceAll("\\{[^}]*[iI]d\\}", UUID.randomUUID().toString())
                .replaceAll("\\{[^}]*\\}", "nothing-here");
        RequestSpecification request = RestAssured.given();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            // An empty object reads as JSON and as YAML; other bodies (a form) are sent empty.
            request.contentType(contentType);
            if (contentType.contains("json") || contentType.contains("yaml")) {
                request.body("{}".getBytes(StandardCharsets.UTF_8));
            } else {
                request.body("");
            }
        }
        return request.request(method, path);
    }

    @SuppressWarnings("unchecked")
    private static String contentType(Object operation) {
        Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) operation).get("requestBody");
        if (body == null || body.get("content") == null) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) body.get("content");
        return content.containsKey("application/json") ? "application/json" : content.keySet().iterator().next();
    }
}
