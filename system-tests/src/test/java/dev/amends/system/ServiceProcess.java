package dev.amends.system;

import static org.awaitility.Awaitility.await;

import dev.amends.devkit.HttpProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service running as its own operating-system process, as in production. */
final class ServiceProcess {

    private final String name;
    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    private final int port;
    private Process process;

    ServiceProcess(String name, String platform, Path repositoryRoot, int port, Map<String, String> environment) {
        this.name = name;
        this.jar = repositoryRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        this.log = repositoryRoot.resolve("system-tests/target/services").resolve(platform)
                .resolve(name + "-" + port + ".log");
        this.port = port;
        this.environment = new HashMap<>(environment);
        this.environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    }

    String name() {
        return name;
    }

    String baseUri() {
        return "http://localhost:" + port;
    }

    void start() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        try {
            Files.createDirectories(log.getParent());
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    void awaitReady() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            return ready();
        });
    }

    /** SIGKILL: no shutdown hook, no graceful close, exactly like kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an orchestrator stops a service; one that has not ended after 30 seconds is killed. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                    throw new IllegalStateException(name + " did not stop within 30 s of SIGTERM; see " + log);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean ready() {
        return HttpProbe.answers(baseUri() + "/q/health/ready");
    }
}
