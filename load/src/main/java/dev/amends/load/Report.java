package dev.amends.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a run measured, as a Markdown report, an SVG chart and a few lines for the terminal. */
final class Report {

    record Run(int rate, int seconds, int warmup, Instant loadEnded) {
    }

    private final Run run;
    private final List<OpenLoad.Post> measured;
    private final Map<String, Instant> notifiedAt;
    private final Baselines.Figures baselines;
    private final Map<String, ServiceFigures.Figures> services;
    private final Reviewer reviewer;
    private final Costs.PerComplaint costs;
    private final Instant start;

    Report(Run run, List<OpenLoad.Post> posts, Map<String, Instant> notifiedAt, Baselines.Figures baselines,
            Map<String, ServiceFigures.Figures> services, Reviewer reviewer, Costs.PerComplaint costs) {
        this.run = run;
        this.costs = costs;
        this.measured = posts.stream().filter(OpenLoad.Post::measured).toList();
        this.notifiedAt = notifiedAt;
        this.baselines = baselines;
        this.services = services;
        this.reviewer = reviewer;
        this.start = measured.isEmpty() ? Instant.now() : measured.get(0).dueAt();
    }

    private String cost() {
        return String.format(Locale.ROOT, "%.1f ms CPU (all processes), %.1f database transactions, %s SQL statements",
                costs.cpuMillis(), costs.transactions(), costs.statementsCounted()
                        ? String.format(Locale.ROOT, "%.1f", costs.statements())
                        : "(not counted: PostgreSQL does not preload pg_stat_statements)");
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private List<OpenLoad.Post> accepted() {
        return measured.stream().filter(p -> p.status() == 201 && p.complaintId() != null).toList();
    }

    private double endToEndMillis(OpenLoad.Post post) {
        Instant notified = notifiedAt.get(post.complaintId());
        return notified == null ? Double.NaN : Duration.between(post.dueAt(), notified).toNanos() / 1_000_000.0;
    }

    Latencies post() {
        return Latencies.of(measured.stream().filter(p -> p.status() != 0).map(p -> millis(p.latencyNanos())).toList());
    }

    Latencies endToEnd() {
        return Latencies.of(accepted().stream().map(this::endToEndMillis).filter(v -> !Double.isNaN(v)).toList());
    }

    long errors() {
        return measured.stream().filter(p -> p.status() != 201).count();
    }

    long answered(int status) {
        return measured.stream().filter(p -> p.status() == status).count();
    }

    /** Answered within a second with 201, or with 503 and when to try again: a CRM never waits longer. */
    double answeredWithinASecond() {
        return measured.stream().filter(p -> (p.status() == 201 || (p.status() == 503 && p.retryAfter()))
                && p.latencyNanos() <= 1_000_000_000L).count() / (double) Math.max(1, measured.size());
    }

    long notArrived() {
        return accepted().stream().filter(p -> !notifiedAt.containsKey(p.complaintId())).count();
    }

    /** Complaints whose customer was told, per second, from the first one due to the last one told. */
    double endToEndRate() {
        Instant last = accepted().stream().map(p -> notifiedAt.get(p.complaintId())).filter(i -> i != null)
                .max(Instant::compareTo).orElse(start);
        double seconds = Math.max(1e-3, Duration.between(start, last).toNanos() / 1e9);
        return (accepted().size() - notArrived()) / seconds;
    }

    String summary() {
        Latencies post = post();
        Latencies e2e = endToEnd();
        return String.format(Locale.ROOT, """
                offered %d/s for %d s: %d complaints, %d errors, %d accepted but not notified by the end of the drain
                POST /complaints  p50 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms
                answers           %d x 201, %d x 503, %d other, %d none; %.1f %% within 1 s (201, or 503 with Retry-After)
                end to end        p50 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms  (%.1f complaints/s)
                cost              %s%s""",
                run.rate(), run.seconds(), measured.size(), errors(), notArrived(), post.p50(), post.p99(),
                post.p999(), post.max(), answered(201), answered(503),
                measured.size() - answered(201) - answered(503) - answered(0), answered(0),
                100 * answeredWithinASecond(), e2e.p50(), e2e.p99(), e2e.p999(), e2e.max(), endToEndRate(), cost(),
                baselines == null ? "" : String.format(Locale.ROOT,
                        "%nmachine: pgbench %.0f single-row inserts/s (%d clients), Kafka %.0f records/s acks=all",
                        baselines.insertsPerSecond(), baselines.clients(), baselines.kafkaRecordsPerSecond()));
    }

    String markdown() throws IOException {
        Latencies post = post();
        Latencies e2e = endToEnd();
        StringBuilder md = new StringBuilder();
        md.append("# Amends load run: ").append(run.rate()).append(" complaints/s for ").append(run.seconds())
                .append(" s\n\n");
        md.append("Run ended ").append(run.loadEnded()).append(" on ").append(machine()).append(".\n\n");
        md.append("Open model: a POST was started every ").append(String.format(Locale.ROOT, "%.2f", 1000.0 / run.rate()))
                .append(" ms whatever the earlier ones were doing, after ").append(run.warmup())
                .append(" s of warm-up that is not counted; latencies run from when each request was due. ")
                .append("End to end is from when the POST was due to the `notifiedAt` of the complaint's first ")
                .append("`customer.notified` event (when the channel accepted the message), read from Kafka.\n\n");
        md.append("| figure | p50 | p99 | p99.9 | max |\n|---|---|---|---|---|\n");
        md.append(row("`POST /api/v1/complaints`", post)).append(row("complaint to customer notified", e2e));
        md.append("\n| | |\n|---|---|\n");
        md.append(String.format(Locale.ROOT, "| complaints offered (measured) | %d |%n", measured.size()));
        md.append(String.format(Locale.ROOT, "| achieved rate | %.1f POST/s, %.1f complaints/s told end to end |%n",
                measured.size() / (double) run.seconds(), endToEndRate()));
        md.append(String.format(Locale.ROOT, "| errors (not 201, or no answer) | %d |%n", errors()));
        md.append(String.format(Locale.ROOT, "| answers | %d × 201, %d × 503, %d other, %d none |%n", answered(201),
                answered(503), measured.size() - answered(201) - answered(503) - answered(0), answered(0)));
        md.append(String.format(Locale.ROOT, "| answered within 1 s (201, or 503 with Retry-After) | %.1f %% |%n",
                100 * answeredWithinASecond()));
        md.append("| cost per complaint filed (warm-up included, idle rate taken off) | ").append(cost()).append(" |\n");
        md.append(String.format(Locale.ROOT, "| accepted but not yet notified when the drain ended (late or lost: the fault tests tell which) | %d |%n", notArrived()));
        if (reviewer != null) {
            md.append(String.format(Locale.ROOT, "| reviews posted afterwards (signed, to review-service) | %d, %d failed |%n",
                    reviewer.posted(), reviewer.failed()));
        }
        if (baselines != null) {
            md.append("\n## The machine's own limits\n\n| | per second | the platform's end-to-end rate as a share |\n|---|---|---|\n");
            md.append(String.format(Locale.ROOT, "| PostgreSQL single-row insert transactions (pgbench, %d clients) | %.0f | %.3f |%n",
                    baselines.clients(), baselines.insertsPerSecond(), endToEndRate() / baselines.insertsPerSecond()));
            md.append(String.format(Locale.ROOT, "| Kafka producer, acks=all, %d-byte records | %.0f | %.4f |%n",
                    baselines.recordSize(), baselines.kafkaRecordsPerSecond(),
                    endToEndRate() / baselines.kafkaRecordsPerSecond()));
            md.append("\nCommands: `").append(baselines.pgbenchCommand()).append("` and `")
                    .append(baselines.kafkaCommand()).append("`.\n");
        }
        md.append("\n## Services\n\n| service | resident memory after the run | start-up |\n|---|---|---|\n");
        for (ServiceFigures.Figures figures : services.values()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", figures.service(),
                    figures.residentMegabytes() < 0 ? "not running" : figures.residentMegabytes() + " MB",
                    Double.isNaN(figures.startupSeconds()) ? "–" : figures.startupSeconds() + " s"));
        }
        md.append("\n![latency over time](latency.svg)\n");
        return md.toString();
    }

    String chart() {
        int buckets = run.seconds();
        List<List<Double>> posts = new ArrayList<>();
        List<List<Double>> ends = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            posts.add(new ArrayList<>());
            ends.add(new ArrayList<>());
        }
        for (OpenLoad.Post p : measured) {
            int second = (int) Math.min(buckets - 1, Duration.between(start, p.dueAt()).toSeconds());
            if (p.status() != 0) {
                posts.get(second).add(millis(p.latencyNanos()));
            }
            if (p.complaintId() != null && notifiedAt.containsKey(p.complaintId())) {
                ends.get(second).add(endToEndMillis(p));
            }
        }
        return Chart.svg("Latency per second of the run (" + run.rate() + " complaints/s offered)", List.of(
                new Chart.Series("end to end p99", "#c0392b", series(ends, true)),
                new Chart.Series("end to end p50", "#e67e22", series(ends, false)),
                new Chart.Series("POST p99", "#2c3e50", series(posts, true)),
                new Chart.Series("POST p50", "#7f8c8d", series(posts, false))));
    }

    private static double[] series(List<List<Double>> buckets, boolean p99) {
        return buckets.stream().mapToDouble(values -> {
            Latencies latencies = Latencies.of(values);
            return p99 ? latencies.p99() : latencies.p50();
        }).toArray();
    }

    private static String row(String name, Latencies l) {
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", name, l.p50(), l.p99(),
                l.p999(), l.max());
    }

    private static String machine() throws IOException {
        String cpu = Files.lines(Path.of("/proc/cpuinfo")).filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        String memory = Files.lines(Path.of("/proc/meminfo")).filter(l -> l.startsWith("MemTotal")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GB").orElse("? GB");
        return ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors() + " cores (" + cpu + "), "
                + memory + " memory, " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", Java " + Runtime.version() + "; broker, database, four services and the load on the same machine";
    }
}
