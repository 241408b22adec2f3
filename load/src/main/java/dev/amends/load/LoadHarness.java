package dev.amends.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives a platform started with ./run.sh at a fixed arrival rate for a given time, then measures
 * the machine's own limits, and writes a Markdown report and a latency chart. A tool, not a test:
 *
 * <pre>
 *   load/run-load.sh --rate 200 --seconds 120
 * </pre>
 *
 * Options (all optional): --rate, --seconds, --warmup (s), --drain (s to wait for stragglers),
 * --clients (pgbench clients), --baseline-seconds, --baselines true|false, --review-share,
 * --intake, --recovery, --notification, --review (base URLs), --data (the run command's folder,
 * default .amends), --out.
 *
 * <p>{@code --soak S} runs the whole lifecycle for S seconds instead ({@link Soak}): reviews,
 * decisions and follow-up answers besides the complaints, and fails unless the platform came
 * through whole.
 */
public final class LoadHarness {

    /** Held so the setting stays: the Kafka clients' INFO lines would bury the harness's own. */
    private static final Logger KAFKA_LOGS = Logger.getLogger("org.apache.kafka");
    private static final int PROBES = 12;

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        KAFKA_LOGS.setLevel(Level.WARNING);
        Map<String, String> options = new HashMap<>(Map.of("rate", "200", "seconds", "120", "warmup", "10",
                "drain", "60", "clients", "8", "baseline-seconds", "15", "baselines", "true", "review-share", "0.05",
                "intake", "http://localhost:8081", "review", "http://localhost:8084"));
        options.put("data", ".amends");
        options.put("recovery", "http://localhost:8082");
        options.put("notification", "http://localhost:8083");
        options.put("soak", "0");
        // An option the harness does not know (a typo, --help) stops it before it loads anything.
        Set<String> known = Set.copyOf(options.keySet());
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i].replaceFirst("^--", "");
            if (!known.contains(option) && !option.equals("out") || i + 1 >= args.length) {
                System.out.println("usage: load/run-load.sh [--rate N/s] [--seconds S] [--warmup S] [--drain S]"
                        + " [--clients N] [--baseline-seconds S] [--baselines true|false] [--review-share 0..1]"
                        + " [--intake URL] [--recovery URL] [--notification URL] [--review URL] [--out DIR]"
                        + " [--soak S]");
                System.exit(args[i].equals("--help") ? 0 : 2);
            }
            options.put(option, args[i + 1]);
        }
        Path data = Path.of(options.get("data"));
        Map<String, String> infra = infraEnv(data.resolve("infra.env"));
        String kafka = infra.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        int rate = Integer.parseInt(options.get("rate"));
        int seconds = Integer.parseInt(options.get("seconds"));
        int warmup = Integer.parseInt(options.get("warmup"));
        Path out = Path.of(options.getOrDefault("out", "load-reports/" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(Instant.now()) + "-" + rate + "rps"));
        Files.createDirectories(out);
        if (Integer.parseInt(options.get("soak")) > 0) {
            if (!given(args, "drain")) {
                options.put("drain", "900");
            }
            if (!given(args, "review-share")) {
                options.put("review-share", "0.10");
            }
            if (!given(args, "warmup")) {
                options.put("warmup", "60");
            }
            System.exit(Soak.run(options, data, infra, out));
        }

        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16))
                .connectTimeout(Duration.ofSeconds(5)).build();
        // The run command's local tenant: its staff token files the complaints, its name goes on the reviews.
        String authorization = "Bearer " + Files.readString(data.resolve("local-token")).strip();
        Path secretFile = data.resolve("review-webhook-secret");
        Reviewer reviewer = Files.exists(secretFile)
                ? new Reviewer(http, URI.create(options.get("review")), Files.readString(secretFile).strip()) : null;
        ComplaintMix mix = new ComplaintMix(42, reviewer == null ? 0 : Double.parseDouble(options.get("review-share")));

        say("offering " + rate + " complaints/s for " + warmup + " s of warm-up and " + seconds + " s measured");
        Commands commands = new Commands(infra);
        Costs costs = new Costs(commands);
        Costs.Snapshot[] idle;
        Costs.Snapshot before;
        Costs.Snapshot after;
        List<OpenLoad.Post> posts;
        Map<String, Instant> notifiedAt;
        Instant loadEnded;
        try (NotifiedListener notified = new NotifiedListener(kafka)) {
            awaitFlowing(http, URI.create(options.get("intake")), authorization, mix, notified);
            say("measuring the platform's idle cost for 10 s");
            idle = costs.idle(Duration.ofSeconds(10));
            before = costs.take();
            Queue<OpenLoad.Post> toReview = new ConcurrentLinkedQueue<>();
            Set<String> reviewed = ConcurrentHashMap.newKeySet();
            ScheduledExecutorService reviews = Executors.newSingleThreadScheduledExecutor();
            if (reviewer != null) {
                // A customer reviews once they have heard back, not before.
                reviews.scheduleWithFixedDelay(() -> toReview.removeIf(post -> {
                    if (notified.notifiedAt(post.complaintId()) == null) {
                        return false;
                    }
                    if (reviewed.add(post.complaintId())) {
                        reviewer.review(post.complaint());
                    }
                    return true;
                }), 500, 500, TimeUnit.MILLISECONDS);
            }
            posts = new OpenLoad(http, URI.create(options.get("intake")), authorization).run(mix, rate, warmup, seconds, post -> {
                if (post.complaint().reviewAfterwards() && post.complaintId() != null) {
                    toReview.add(post);
                }
            });
            loadEnded = Instant.now();
            say("load done; waiting up to " + options.get("drain") + " s for every complaint's customer.notified");
            long accepted = posts.stream().filter(p -> p.complaintId() != null).count();
            Instant drainUntil = Instant.now().plusSeconds(Long.parseLong(options.get("drain")));
            while (Instant.now().isBefore(drainUntil) && posts.stream()
                    .filter(p -> p.complaintId() != null && notified.notifiedAt(p.complaintId()) != null).count() < accepted) {
                Thread.sleep(500);
            }
            reviews.shutdown();
            reviews.awaitTermination(5, TimeUnit.SECONDS);
            after = costs.take();
            notifiedAt = notified.snapshot();
        }

        Baselines.Figures baselines = null;
        if (Boolean.parseBoolean(options.get("baselines"))) {
            say("measuring the machine: pgbench single-row inserts, then Kafka producer throughput with acks=all");
            baselines = new Baselines(commands, kafka).measure(Integer.parseInt(options.get("clients")),
                    Integer.parseInt(options.get("baseline-seconds")), out);
        }
        Report report = new Report(new Report.Run(rate, seconds, warmup, loadEnded), posts, notifiedAt, baselines,
                ServiceFigures.read(data), reviewer, costs.perComplaint(idle, before, after,
                        posts.stream().filter(p -> p.status() == 201).count()));
        Files.writeString(out.resolve("report.md"), report.markdown());
        Files.writeString(out.resolve("latency.svg"), report.chart());
        System.out.println(report.summary());
        say("report: " + out.resolve("report.md") + ", chart: " + out.resolve("latency.svg"));
        System.exit(0);
    }

    /**
     * A platform that has just started answers /q/health/ready before its consumers have all their
     * partitions (after an unclean stop, until the old members' sessions expire). Probe complaints
     * from a dozen customers, so every partition is likely used, must all reach customer.notified.
     */
    private static void awaitFlowing(HttpClient http, URI intake, String authorization, ComplaintMix mix,
            NotifiedListener notified)
            throws IOException, InterruptedException {
        List<String> probes = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(intake.resolve("/api/v1/complaints"))
                    .header("Content-Type", "application/json").header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(mix.next().json())).build(),
                    HttpResponse.BodyHandlers.discarding());
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("intake answered " + response.statusCode()));
            probes.add(location.substring(location.lastIndexOf('/') + 1));
        }
        Instant until = Instant.now().plusSeconds(180);
        while (probes.stream().anyMatch(id -> notified.notifiedAt(id) == null)) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("probe complaints did not all reach customer.notified in 180 s");
            }
            Thread.sleep(200);
        }
        say("the platform is flowing: " + PROBES + " probe complaints reached customer.notified");
    }

    private static boolean given(String[] args, String option) {
        return java.util.Arrays.asList(args).contains("--" + option);
    }

    private static Map<String, String> infraEnv(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        }
        return values;
    }

    private static void say(String line) {
        System.out.println("load: " + line);
    }
}
