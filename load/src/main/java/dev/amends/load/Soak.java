package dev.amends.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amends.devkit.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A bad day, end to end: complaints at a steady rate for ten minutes or more; a share of them
 * followed by reviews from people who share a handful of names, some written before the complaint
 * and some naming no order; escalations approved and declined by supervisors and managers through
 * the API; follow-ups answered yes and no through their signed links. The run ends when every
 * consumer group's lag is back to 0, and fails loudly unless every customer was told, every
 * answered escalation reached its customer, every review ended matched or honestly unmatched, and
 * no batch ran out of time, lost a deadlock or dead-lettered an event.
 *
 * <pre>
 *   AMENDS_NOTIFICATION_FOLLOW_UP_AFTER=PT1M AMENDS_NOTIFICATION_FOLLOW_UP_OVER_SERVED_AFTER=PT1M ./run.sh
 *   load/run-load.sh --soak 600 --rate 20
 * </pre>
 */
final class Soak {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Soak() {
    }

    static int run(Map<String, String> options, Path data, Map<String, String> infra, Path out) throws Exception {
        int rate = Integer.parseInt(options.get("rate"));
        int seconds = Integer.parseInt(options.get("soak"));
        Duration drain = Duration.ofSeconds(Long.parseLong(options.get("drain")));
        String kafka = infra.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        URI intake = URI.create(options.get("intake"));
        URI recovery = URI.create(options.get("recovery"));
        URI notification = URI.create(options.get("notification"));
        URI review = URI.create(options.get("review"));
        // HTTP/1.1, as a customer's browser speaks to a plain-text address: an empty POST over h2c (the
        // JDK client's default) meets a Quarkus bug that answers 500 (quarkusio/quarkus#34393).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(16)).connectTimeout(Duration.ofSeconds(5)).build();

        String localToken = Files.readString(data.resolve("local-token")).strip();
        Tokens people = Tokens.keptIn(data.resolve("jwt")).issuedBy(issuer(localToken));
        String zone = daytimeZone(seconds);
        ComplaintMix mix = new ComplaintMix(7, Double.parseDouble(options.get("review-share")), true, zone);
        Reviewer reviewer = new Reviewer(http, review, Files.readString(data.resolve("review-webhook-secret")).strip());
        PlatformState platform = new PlatformState(kafka, List.of(intake, recovery, notification, review),
                new Commands(infra));
        say("soak: " + rate + " complaints/s for " + seconds + " s, customers in " + zone + " (their daytime), "
                + "reviews from " + (int) (mix.reviewShare() * 100) + " % of them, decisions and follow-up answers");

        int warmup = Integer.parseInt(options.get("warmup"));
        if (warmup > 0) {
            // Fresh JVMs compile for minutes: the soak measures the platform warm, as it runs on any day.
            say("warming up: " + rate + " complaints/s for " + warmup + " s, not counted");
            // Customers of the soak's daytime zone too: the approvers answer their escalations, and a
            // customer asleep in Berlin would rightly be told only in the morning.
            new OpenLoad(http, intake, "Bearer " + localToken).run(new ComplaintMix(3, 0, true, zone), rate, 0, warmup,
                    post -> {
            });
            Instant settled = Instant.now().plus(drain);
            while (platform.lag().values().stream().anyMatch(behind -> behind > 0) && Instant.now().isBefore(settled)) {
                Thread.sleep(2000);
            }
        }
        PlatformState.Counts before = platform.counts();
        Instant started = Instant.now();
        Random random = new Random(11);
        Map<String, ReviewOutcomes.Posted> reviews = new ConcurrentHashMap<>();
        Map<String, OpenLoad.Post> afterNotified = new ConcurrentHashMap<>();
        List<OpenLoad.Post> posts;
        Approvers approvers;
        FollowUpAnswers answers;
        try (NotifiedListener notified = new NotifiedListener(kafka)) {
            approvers = new Approvers(http, recovery, people);
            answers = new FollowUpAnswers(http, infra.getOrDefault("IMAP_PORT", "3143"), notified);
            ScheduledExecutorService work = Executors.newScheduledThreadPool(3);
            work.scheduleWithFixedDelay(approvers::decideSome, 2, 2, TimeUnit.SECONDS);
            work.scheduleWithFixedDelay(answers::answerSome, 5, 5, TimeUnit.SECONDS);
            work.scheduleWithFixedDelay(() -> afterNotified.values().removeIf(post -> {
                if (notified.notifiedAt(post.complaintId()) == null) {
                    return false;
                }
                postReview(reviewer, post, false, random, reviews);
                return true;
            }), 1, 1, TimeUnit.SECONDS);

            posts = new OpenLoad(http, intake, "Bearer " + localToken).run(mix, rate, 0, seconds, post -> {
                if (post.complaintId() == null) {
                    return;
                }
                answers.watch(post);
                if (post.complaint().reviewAfterwards()) {
                    // A third write before they complain (and reach us before the case does), the rest once
                    // they have heard back.
                    if (random.nextInt(3) == 0) {
                        postReview(reviewer, post, true, random, reviews);
                    } else {
                        afterNotified.put(post.complaintId(), post);
                    }
                }
            });
            Instant loadEnded = Instant.now();
            say("load done after " + Duration.between(started, loadEnded).toSeconds() + " s; waiting up to "
                    + drain.toSeconds() + " s for every consumer's lag to reach 0 and every answer to be told");
            Map<String, Instant> caughtUp = new ConcurrentHashMap<>();
            Instant until = Instant.now().plus(drain);
            while (Instant.now().isBefore(until)) {
                Map<String, Long> lag = platform.lag();
                // When each group first caught up with everything sent before: follow-ups and answers keep
                // sending events after the load, so a read a moment later may find a batch in flight.
                lag.forEach((group, behind) -> {
                    if (behind == 0) {
                        caughtUp.putIfAbsent(group, Instant.now());
                    }
                });
                boolean told = posts.stream().filter(p -> p.complaintId() != null)
                        .allMatch(p -> notified.notifiedAt(p.complaintId()) != null)
                        && approvers.untold(notified).isEmpty() && afterNotified.isEmpty()
                        && answers.waiting() == 0;
                if (caughtUp.size() == lag.size() && told) {
                    break;
                }
                Thread.sleep(2000);
            }
            work.shutdownNow();
            work.awaitTermination(10, TimeUnit.SECONDS);
            Map<String, Long> endLag = settledLag(platform);
            Instant ended = Instant.now();
            PlatformState.Counts after = platform.counts();

            SoakReport report = new SoakReport(rate, seconds, started, loadEnded, ended, posts, notified, caughtUp,
                    endLag, before, after, approvers, answers,
                    ReviewOutcomes.check(http, review, localToken, reviews),
                    reviewer);
            Files.createDirectories(out);
            Files.writeString(out.resolve("soak.md"), report.markdown());
            System.out.println(report.markdown());
            say("report: " + out.resolve("soak.md"));
            if (!report.failures().isEmpty()) {
                System.out.println("SOAK FAILED:");
                report.failures().forEach(failure -> System.out.println("  - " + failure));
                return 1;
            }
            say("soak passed");
            return 0;
        }
    }

    private static void postReview(Reviewer reviewer, OpenLoad.Post post, boolean beforeTheComplaint, Random random,
            Map<String, ReviewOutcomes.Posted> reviews) {
        ComplaintMix.Complaint complaint = post.complaint();
        String[] name = complaint.customerName().split(" ");
        // Some sign with their initial ("Maria G."), some leave the order out.
        String author = random.nextBoolean() ? complaint.customerName() : name[0] + " " + name[name.length - 1].charAt(0) + ".";
        boolean namesOrder = random.nextInt(4) != 0;
        Instant writtenAt = beforeTheComplaint ? post.dueAt().minus(Duration.ofHours(2)) : Instant.now();
        reviewer.post(complaint, author, namesOrder, writtenAt).thenAccept(id -> {
            if (id != null) {
                reviews.put(id, new ReviewOutcomes.Posted(post.complaintId(), complaint.orderReference(), namesOrder));
            }
        });
    }

    /**
     * Each group's lowest lag over up to a minute once nothing more is sent: 0 as soon as it has
     * consumed everything; above 0 only for a group that cannot get there.
     */
    private static Map<String, Long> settledLag(PlatformState platform) throws Exception {
        Map<String, Long> lowest = new LinkedHashMap<>(platform.lag());
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        while (lowest.values().stream().anyMatch(behind -> behind > 0) && Instant.now().isBefore(until)) {
            Thread.sleep(2000);
            platform.lag().forEach((group, behind) -> lowest.merge(group, behind, Math::min));
        }
        return lowest;
    }

    /** A time zone where it is daytime now and stays so for the soak: the customers are awake. */
    static String daytimeZone(int seconds) {
        Instant now = Instant.now();
        return ZoneId.getAvailableZoneIds().stream().sorted().filter(id -> id.contains("/") && !id.startsWith("Etc"))
                .filter(id -> {
                    int start = ZonedDateTime.ofInstant(now, ZoneId.of(id)).getHour();
                    int end = ZonedDateTime.ofInstant(now.plusSeconds(seconds + 3600L), ZoneId.of(id)).getHour();
                    return start >= 9 && end <= 19 && end >= start;
                })
                .min(Comparator.comparing((String id) -> Math.abs(ZonedDateTime.ofInstant(now, ZoneId.of(id))
                        .getHour() - 11)))
                .orElse("UTC");
    }

    /** The issuer of the run command's local token: the soak's people are signed in by the same one. */
    private static String issuer(String token) throws IOException {
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return claims.path("iss").asText();
    }

    static void say(String line) {
        System.out.println("load: " + line);
    }
}
