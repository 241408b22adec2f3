package dev.amends.console.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Each service as operations check it: readiness (SmallRye Health) and its outbox, backlog and age
 * of the oldest unsent event, from its Prometheus metrics. Metrics closed to ops are read with the
 * signed-in person's token.
 */
@ApplicationScoped
public class ServiceProbe {

    /** One service's state; {@code problem} says why a figure is missing. */
    public record ServiceState(String service, String url, boolean ready, String readiness, Double outboxBacklog,
            Double outboxOldestSeconds, double promisesBroken, String problem) {

        public boolean stalled() {
            return !ready || (outboxOldestSeconds != null && outboxOldestSeconds > 10);
        }
    }

    static final Map<String, String> SERVICES = Map.of("intake-service", "intake", "recovery-service", "recovery",
            "notification-service", "notification", "review-service", "review");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public List<ServiceState> probe(String bearer) {
        List<ServiceState> states = new ArrayList<>();
        for (String service : List.of("intake-service", "recovery-service", "notification-service", "review-service")) {
            String url = ConfigProvider.getConfig().getValue("quarkus.rest-client." + SERVICES.get(service) + ".url",
                    String.class);
            states.add(probe(service, url, bearer));
        }
        return states;
    }

    private ServiceState probe(String service, String url, String bearer) {
        boolean ready;
        String readiness;
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            ready = health.statusCode() == 200;
            readiness = ready ? "ready" : "not ready: " + downChecks(health.body());
        } catch (IOException e) {
            return new ServiceState(service, url, false, "not answering", null, null, 0, "no answer at " + url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServiceState(service, url, false, "not asked", null, null, 0, "interrupted");
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/q/metrics"))
                    .timeout(Duration.ofSeconds(2));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> metrics = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (metrics.statusCode() != 200) {
                return new ServiceState(service, url, ready, readiness, null, null, 0,
                        "metrics answered " + metrics.statusCode());
            }
            Map<String, Double> values = gauges(metrics.body());
            return new ServiceState(service, url, ready, readiness, values.get("amends_outbox_backlog"),
                    values.get("amends_outbox_oldest_unsent_age_seconds"), brokenPromises(metrics.body()), null);
        } catch (IOException e) {
            return new ServiceState(service, url, ready, readiness, null, null, 0, "metrics did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServiceState(service, url, ready, readiness, null, null, 0, "interrupted");
        }
    }

    /** The value of each metric in the Prometheus text format, its series summed. */
    static Map<String, Double> gauges(String text) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            int brace = line.indexOf('{');
            String name = line.substring(0, brace > 0 && brace < space ? brace : space);
            try {
                values.merge(name, Double.parseDouble(line.substring(space + 1)), Double::sum);
            } catch (NumberFormatException e) {
                // a value this page has no use for
            }
        }
        return values;
    }

    /** notification-service counts each promise to a customer it saw broken (amends.promises, outcome=broken). */
    static double brokenPromises(String text) {
        double broken = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("amends_promises_total{") && line.contains("outcome=\"broken\"")) {
                broken += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return broken;
    }

    private static String downChecks(String body) {
        List<String> down = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\"")
                .matcher(body);
        while (m.find()) {
            down.add(m.group(1));
        }
        return down.isEmpty() ? "see /q/health/ready" : String.join(", ", down);
    }
}
