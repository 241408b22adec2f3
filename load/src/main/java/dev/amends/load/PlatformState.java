package dev.amends.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the platform says about itself while a soak runs: each consumer group's lag, read from the
 * brokers as any Kafka dashboard reads it, and the counts a bad day must keep at 0, read from each
 * service's metrics and from PostgreSQL: batches split because they ran out of time or lost a
 * deadlock, events dead-lettered, deadlocks.
 */
final class PlatformState implements AutoCloseable {

    private static final List<String> GROUPS = List.of("intake-service", "recovery-service", "notification-service",
            "review-service");
    private static final Pattern SAMPLE = Pattern.compile("^(amends_[a-z_]+)\\{([^}]*)} ([0-9.eE+-]+)$",
            Pattern.MULTILINE);

    /** What a bad day must keep at 0, as counted so far. */
    record Counts(double timeouts, double conflicts, double deadLettered, long deadLetterRecords, long deadlocks,
            long transactions) {

        Counts minus(Counts earlier) {
            return new Counts(timeouts - earlier.timeouts, conflicts - earlier.conflicts,
                    deadLettered - earlier.deadLettered, deadLetterRecords - earlier.deadLetterRecords,
                    deadlocks - earlier.deadlocks, transactions - earlier.transactions);
        }
    }

    private final Admin admin;
    private final List<URI> services;
    private final Commands commands;
    private final HttpClient http = HttpClient.newHttpClient();

    PlatformState(String bootstrapServers, List<URI> services, Commands commands) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.services = services;
        this.commands = commands;
    }

    /** Each group's lag over every topic it has committed on: end offsets less committed offsets. */
    Map<String, Long> lag() throws Exception {
        Map<String, Long> lag = new LinkedHashMap<>();
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
            long behind = 0;
            for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
                behind += Math.max(0, end.getValue().offset() - committed.get(end.getKey()).offset());
            }
            lag.put(group, behind);
        }
        return lag;
    }

    Counts counts() throws Exception {
        double timeouts = 0;
        double conflicts = 0;
        double deadLettered = 0;
        for (URI service : services) {
            String metrics = http.send(HttpRequest.newBuilder(service.resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher sample = SAMPLE.matcher(metrics);
            while (sample.find()) {
                double value = Double.parseDouble(sample.group(3));
                switch (sample.group(1)) {
                    case "amends_inbox_batches_split_total" -> {
                        if (sample.group(2).contains("cause=\"timeout\"")) {
                            timeouts += value;
                        } else if (sample.group(2).contains("cause=\"conflict\"")) {
                            conflicts += value;
                        }
                    }
                    case "amends_events_dead_lettered_total", "amends_events_unreadable_total" -> deadLettered += value;
                    default -> {
                    }
                }
            }
        }
        String[] database = commands.psql("postgres", "select coalesce(sum(deadlocks), 0), "
                + "coalesce(sum(xact_commit + xact_rollback), 0) from pg_stat_database where datname in "
                + "('intake', 'recovery', 'notification', 'review')").strip().split("\\|");
        return new Counts(timeouts, conflicts, deadLettered, deadLetterRecords(), Long.parseLong(database[0].strip()),
                Long.parseLong(database[1].strip()));
    }

    /** Records on every dead-letter topic, as the brokers hold them. */
    private long deadLetterRecords() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        List<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                .filter(t -> t.endsWith(".dlq")).toList();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()),
                        OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
