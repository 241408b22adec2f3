package dev.amends.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Files complaints at a fixed arrival rate (an open model): each request is started when it is due,
 * whatever the earlier ones are doing, and its latency runs from when it was due, so a slow system
 * cannot slow the load down and hide its queueing (coordinated omission).
 */
final class OpenLoad {

    /** One POST: when it was due, how long it took from then, what came back. */
    record Post(ComplaintMix.Complaint complaint, Instant dueAt, boolean measured, long latencyNanos, int status,
            String complaintId, boolean retryAfter) {
    }

    private final HttpClient http;
    private final URI complaints;
    private final String authorization;

    OpenLoad(HttpClient http, URI intake, String authorization) {
        this.authorization = authorization;
        this.http = http;
        this.complaints = intake.resolve("/api/v1/complaints");
    }

    /** {@code done} hears of each POST as soon as it is answered, while the load goes on. */
    List<Post> run(ComplaintMix mix, int rate, int warmupSeconds, int seconds, Consumer<Post> done) {
        long period = 1_000_000_000L / rate;
        int warmup = warmupSeconds * rate;
        int total = warmup + seconds * rate;
        List<CompletableFuture<Post>> posts = new ArrayList<>(total);
        long start = System.nanoTime() + 100_000_000L;
        Instant startedAt = Instant.now().plusMillis(100);
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            ComplaintMix.Complaint complaint = mix.next();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Instant dueAt = startedAt.plusNanos(i * period);
            boolean measured = i >= warmup;
            HttpRequest request = HttpRequest.newBuilder(complaints).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(complaint.json())).build();
            posts.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        long latency = System.nanoTime() - due;
                        if (failure != null) {
                            return new Post(complaint, dueAt, measured, latency, 0, null, false);
                        }
                        String location = response.headers().firstValue("Location").orElse(null);
                        String id = location == null ? null : location.substring(location.lastIndexOf('/') + 1);
                        return new Post(complaint, dueAt, measured, latency, response.statusCode(), id,
                                response.headers().firstValue("Retry-After").isPresent());
                    }).whenComplete((post, ignored) -> done.accept(post)));
        }
        return posts.stream().map(CompletableFuture::join).toList();
    }
}
