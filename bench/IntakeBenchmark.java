// Fixed-rate load on POST /api/v1/complaints, for a platform started with ./run.sh.
//
//   java bench/IntakeBenchmark.java [--rate 100] [--seconds 30] [--warmup 10] [--url http://localhost:8081]
//
// Open model: requests are started on a fixed schedule whatever the answers do, and each latency
// is measured from when its request was due, so a slow server cannot hide its queueing
// (coordinated omission). Needs only the JDK; talks to loopback only, and stops by itself.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

public class IntakeBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new ConcurrentHashMap<>(Map.of(
                "rate", "100", "seconds", "30", "warmup", "10", "url", "http://localhost:8081"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int rate = Integer.parseInt(options.get("rate"));
        int seconds = Integer.parseInt(options.get("seconds"));
        int warmup = Integer.parseInt(options.get("warmup"));
        URI target = URI.create(options.get("url") + "/api/v1/complaints");
        if (!target.getHost().equals("localhost") && !target.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("this benchmark only targets the local machine");
        }
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
                .connectTimeout(Duration.ofSeconds(5)).build();

        System.out.printf("warming up: %d s at %d requests/s%n", warmup, rate);
        run(http, target, rate, warmup);
        System.out.printf("measuring: %d s at %d requests/s against %s%n", seconds, rate, target);
        Result result = run(http, target, rate, seconds);

        List<Long> latencies = result.latenciesMicros;
        Collections.sort(latencies);
        System.out.printf("requests %d, 201 Created %d, other answers or errors %d%n",
                result.sent, latencies.size(), result.failed.get());
        System.out.printf("throughput %.1f complaints/s%n", latencies.size() / (double) seconds);
        if (!latencies.isEmpty()) {
            System.out.printf("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                    latencies.get(latencies.size() - 1) / 1000.0);
        }
        System.exit(0);
    }

    private record Result(int sent, List<Long> latenciesMicros, AtomicInteger failed) {
    }

    private static Result run(HttpClient http, URI target, int rate, int seconds) {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            inFlight.add(http.sendAsync(request(target), HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> {
                        if (error == null && response.statusCode() == 201) {
                            latencies.add((System.nanoTime() - due) / 1000);
                        } else {
                            failed.incrementAndGet();
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return new Result(total, latencies, failed);
    }

    private static HttpRequest request(URI target) {
        String body = """
                {"customer": {"id": "BENCH-%s", "name": "Ada Lovelace", "email": "ada@example.com"},
                 "receivedVia": "EMAIL", "category": "DELIVERY", "summary": "Fridge delivered two weeks late",
                 "story": "I took two days off work to wait for the fridge and nobody came. Nobody called either.",
                 "desiredOutcome": "My delivery fee back", "orderReference": "ORD-2026-118",
                 "amountAtStake": {"amount": "39.00", "currency": "EUR"}}
                """.formatted(UUID.randomUUID());
        return HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static double percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
