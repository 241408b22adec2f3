package dev.amends.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.amends.contract.Service;
import dev.amends.contract.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The files operations run the platform with: docker-compose.yml, the Kubernetes overlays, the
 * alert rules and the dashboards. They are checked against the code, so that a renamed setting,
 * port, topic or metric cannot leave them silently wrong. The checks that need docker-compose,
 * kubectl or promtool are skipped where those are not installed, unless
 * AMENDS_REQUIRE_OPS_TOOLS=true (CI sets it and installs them).
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("amends.repository.root", "..")).toAbsolutePath()
            .normalize();
    private static final List<String> SERVICES = RunningPlatform.SERVICES;
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern METRIC = Pattern.compile("\\b(amends_[a-z_]+)");
    private static final Pattern METER_NAME = Pattern.compile("\"(amends(?:\\.[a-z]+)+)\"");

    @Test
    void composeRunsEveryServiceOnItsOwnPortWithSettingsTheCodeReads() throws IOException {
        // SnakeYAML resolves the file's merge keys (<<: *service), which Jackson's YAML reader leaves as they are.
        JsonNode compose = YAML.valueToTree(new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml"))));
        JsonNode services = compose.path("services");
        for (String name : SERVICES) {
            JsonNode service = services.path(name);
            assertFalse(service.isMissingNode(), name + " is missing from docker-compose.yml");
            String port = config(name).getProperty("quarkus.http.port");
            assertEquals(port, service.path("environment").path("QUARKUS_HTTP_PORT").asText(), name);
            assertEquals(port + ":" + port, service.path("ports").get(0).asText(), name);
            service.path("environment").fieldNames().forEachRemaining(variable ->
                    assertTrue(knownSettings(name).contains(variable),
                            name + " sets " + variable + ", which no configuration of the service reads"));
            assertTrue(service.path("healthcheck").path("test").toString().contains("/q/health/ready"), name);
            for (String dependency : List.of("kafka", "postgres")) {
                assertEquals("service_healthy", service.path("depends_on").path(dependency).path("condition").asText(),
                        name + " must wait for " + dependency + " to be healthy");
            }
        }
        for (String infrastructure : List.of("kafka", "postgres", "prometheus", "grafana", "kafka-ui",
                "kafka-exporter", "mail")) {
            assertFalse(services.path(infrastructure).isMissingNode(), infrastructure);
        }
        assertTrue(compose.path("services").path("kafka").path("image").asText().startsWith("apache/kafka:"));
    }

    @Test
    void composeFileIsValidForDockerCompose() {
        assumeTool("docker-compose", "--version");
        run(List.of("docker-compose", "-f", ROOT.resolve("docker-compose.yml").toString(), "config", "-q"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyOverlayRendersADeployableServicePerModuleWithTopicsForTheWholeCatalogue(String overlay) {
        assumeTool("kubectl", "version", "--client");
        List<JsonNode> objects = documents(run(List.of("kubectl", "kustomize",
                ROOT.resolve("deploy/overlays/" + overlay).toString())));
        for (String name : SERVICES) {
            JsonNode deployment = find(objects, "Deployment", name);
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            String port = config(name).getProperty("quarkus.http.port");
            assertEquals(port, container.path("ports").get(0).path("containerPort").asText(), name);
            assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
            assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
            assertFalse(container.path("resources").path("requests").isMissingNode(), name + " requests");
            assertFalse(container.path("resources").path("limits").isMissingNode(), name + " limits");
            container.path("env").forEach(env -> assertTrue(knownSettings(name).contains(env.path("name").asText()),
                    name + " sets " + env.path("name").asText() + ", which no configuration of the service reads"));
            find(objects, "Service", name);
            find(objects, "HorizontalPodAutoscaler", name);
            find(objects, "PodDisruptionBudget", name);
        }
        int replicas = overlay.equals("prod") ? 3 : 1;
        for (Topic topic : Topic.values()) {
            assertEquals(replicas, topicNamed(objects, topic.topicName()).path("spec").path("replicas").asInt());
            for (Service consumer : topic.consumers()) {
                topicNamed(objects, topic.deadLetterTopic(consumer));
            }
        }
        for (String kind : List.of("Kafka", "KafkaNodePool", "Cluster", "ServiceMonitor", "PrometheusRule")) {
            assertTrue(objects.stream().anyMatch(o -> kind.equals(o.path("kind").asText())), kind);
        }
        assertTrue(objects.stream().filter(o -> "NetworkPolicy".equals(o.path("kind").asText())).count() >= 3);
    }

    @Test
    void alertRulesPassPromtool() {
        assumeTool("promtool", "--version");
        run(List.of("promtool", "check", "rules", ROOT.resolve("deploy/prometheus/alerts.yml").toString()));
    }

    @Test
    void theStallAlertFiresForAConsumerThatStopsCommittingAndNotForOneThatCommits() {
        assumeTool("promtool", "--version");
        run(List.of("promtool", "test", "rules", ROOT.resolve("deploy/prometheus/alerts-test.yml").toString()));
    }

    @Test
    void thePrometheusRuleForKubernetesHoldsTheSameAlertsAsPrometheusItself() throws IOException {
        JsonNode alerts = YAML.readTree(ROOT.resolve("deploy/prometheus/alerts.yml").toFile());
        JsonNode rule = YAML.readTree(ROOT.resolve("deploy/base/prometheus-rule.yaml").toFile());
        assertEquals(alerts, rule.path("spec"));
    }

    @Test
    void everyMetricADashboardOrAlertUsesIsExportedBySomeService() throws IOException {
        Set<String> exported = exportedMetrics();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> dashboards = Files.list(ROOT.resolve("deploy/base/dashboards"))) {
            for (Path dashboard : dashboards.toList()) {
                new ObjectMapper().readTree(dashboard.toFile()).path("panels").forEach(panel ->
                        panel.path("targets").forEach(target -> used.addAll(metrics(target.path("expr").asText()))));
            }
        }
        YAML.readTree(ROOT.resolve("deploy/prometheus/alerts.yml").toFile()).path("groups").forEach(group ->
                group.path("rules").forEach(rule -> used.addAll(metrics(rule.path("expr").asText()))));
        assertFalse(used.isEmpty());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(exported);
        assertTrue(missing.isEmpty(), "used in dashboards or alerts but exported by no service: " + missing
                + "; exported: " + exported);
    }

    /** Prometheus names of the meters the code registers, with the suffixes Micrometer adds. */
    private static Set<String> exportedMetrics() throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> sources = Files.walk(ROOT)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main"))
                    .toList()) {
                String code = Files.readString(source);
                Matcher matcher = METER_NAME.matcher(code);
                while (matcher.find()) {
                    String base = matcher.group(1).replace('.', '_');
                    for (String suffix : List.of("", "_total", "_sum", "_count", "_max", "_seconds",
                            "_seconds_bucket", "_seconds_count", "_seconds_sum", "_seconds_max")) {
                        names.add(base + suffix);
                    }
                }
            }
        }
        return names;
    }

    private static Set<String> metrics(String expression) {
        Set<String> found = new HashSet<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Every setting a service reads, in environment-variable form (QUARKUS_HTTP_PORT). */
    private static Set<String> knownSettings(String service) {
        Set<String> keys = new HashSet<>();
        for (Properties properties : List.of(config(service),
                load(ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")))) {
            for (String key : properties.stringPropertyNames()) {
                keys.add(key.replaceFirst("^%[a-z]+\\.", ""));
                Matcher references = Pattern.compile("\\$\\{([a-zA-Z0-9._-]+)").matcher(properties.getProperty(key));
                while (references.find()) {
                    keys.add(references.group(1));
                }
            }
        }
        Set<String> variables = new HashSet<>();
        keys.forEach(key -> variables.add(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
        return variables;
    }

    private static Properties config(String service) {
        return load(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static List<JsonNode> documents(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            YAML.readValues(parser, ObjectNode.class).forEachRemaining(objects::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    private static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static JsonNode topicNamed(List<JsonNode> objects, String topicName) {
        JsonNode topic = objects.stream()
                .filter(o -> "KafkaTopic".equals(o.path("kind").asText())
                        && topicName.equals(o.path("spec").path("topicName").asText()))
                .findFirst().orElse(null);
        assertNotNull(topic, "no KafkaTopic for " + topicName);
        return topic;
    }

    private static void assumeTool(String... versionCommand) {
        boolean present;
        try {
            Process process = new ProcessBuilder(versionCommand).redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            present = process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if ("true".equals(System.getenv("AMENDS_REQUIRE_OPS_TOOLS"))) {
            assertTrue(present, versionCommand[0] + " is required here (AMENDS_REQUIRE_OPS_TOOLS=true) but not found");
        }
        assumeTrue(present, versionCommand[0] + " is not installed");
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
            assertEquals(0, process.exitValue(), String.join(" ", command) + " said:\n" + output);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
