package dev.amends.console.operations;

import dev.amends.contract.Service;
import dev.amends.contract.Topic;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The pipeline as the brokers see it, sampled every couple of seconds: each topic's rate, each
 * consumer group's lag on it over the last ten minutes, whether it is stalled (it has records to
 * work and has committed nothing for a minute, the way Burrow judges a consumer), and each
 * dead-letter topic's depth. Read with Kafka's admin API, as Kafka UI or Burrow would; the console
 * joins no group and commits nothing.
 */
@ApplicationScoped
public class Pipeline {

    private static final Logger LOG = Logger.getLogger(Pipeline.class);

    /**
     * One consumer of one topic: how far behind it is, and what it dead-lettered; since when it has
     * committed nothing while records wait (null while it moves or has nothing to do), and its lag
     * over the last ten minutes as an SVG polyline's points (100 by 20).
     */
    public record Consumer(String group, long lag, long deadLetters, String deadLetterTopic, Instant stalledSince,
            String lagPoints, long maxLag) {
    }

    /** Samples kept: ten minutes of them at the refresh rate. */
    private static final Duration HISTORY = Duration.ofMinutes(10);
    private static final Duration STALLED_AFTER = Duration.ofMinutes(1);

    /** What one consumer group has done on one topic: its committed offsets and lag, sample by sample. */
    private static final class Progress {
        long committed = -1;
        Instant movedAt;
        final Deque<Map.Entry<Instant, Long>> lags = new ArrayDeque<>();
    }

    /** One topic: records per second over the last sample, and its consumers. */
    public record TopicState(String topic, String purpose, String producer, double perSecond, long records,
            List<Consumer> consumers) {
    }

    /** A record a consumer could not handle, with the reason its dead-letter headers give. */
    public record DeadLetter(String topic, int partition, long offset, Instant at, String type, String reason) {
    }

    /** What the brokers said at {@code at}; {@code problem} when they could not be asked. */
    public record Sample(Instant at, List<TopicState> topics, String problem) {
    }

    private final Admin admin;
    private final String bootstrapServers;
    private volatile Sample last = new Sample(Instant.EPOCH, List.of(), "not sampled yet");
    private Map<String, Long> previousEnds = Map.of();
    private final Map<String, Progress> progress = new HashMap<>();
    private Instant previousAt;

    Pipeline(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "amends-console");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000);
        this.admin = Admin.create(config);
    }

    public Sample last() {
        return last;
    }

    @Scheduled(every = "${amends.console.operations.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        Instant now = Instant.now();
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, List<TopicPartition>> byTopic = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                names.add(topic.topicName());
                topic.consumers().forEach(c -> names.add(topic.deadLetterTopic(c)));
            }
            admin.describeTopics(names).allTopicNames().get(4, TimeUnit.SECONDS).forEach((name, description) -> {
                List<TopicPartition> of = description.partitions().stream()
                        .map(p -> new TopicPartition(name, p.partition())).toList();
                byTopic.put(name, of);
                partitions.addAll(of);
            });
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(4, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
            Map<String, ListConsumerGroupOffsetsSpec> groups = new LinkedHashMap<>();
            for (Service service : Service.values()) {
                groups.put(service.serviceName(), new ListConsumerGroupOffsetsSpec());
            }
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            var offsets = admin.listConsumerGroupOffsets(groups);
            for (String group : groups.keySet()) {
                committed.put(group, offsets.partitionsToOffsetAndMetadata(group).get(4, TimeUnit.SECONDS));
            }
            Map<String, Long> topicEnds = new HashMap<>();
            byTopic.forEach((name, of) -> topicEnds.put(name, of.stream().mapToLong(p -> ends.getOrDefault(p, 0L)).sum()));
            List<TopicState> topics = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                List<Consumer> consumers = new ArrayList<>();
                for (Service consumer : topic.consumers()) {
                    Map<TopicPartition, OffsetAndMetadata> at = committed.getOrDefault(consumer.serviceName(), Map.of());
                    long lag = 0;
                    long committedSum = 0;
                    for (TopicPartition p : byTopic.getOrDefault(topic.topicName(), List.of())) {
                        OffsetAndMetadata position = at.get(p);
                        lag += ends.getOrDefault(p, 0L) - (position == null ? 0L : position.offset());
                        committedSum += position == null ? 0L : position.offset();
                    }
                    lag = Math.max(0, lag);
                    Progress of = progress.computeIfAbsent(consumer.serviceName() + "|" + topic.topicName(),
                            key -> new Progress());
                    if (committedSum != of.committed || lag == 0) {
                        of.committed = committedSum;
                        of.movedAt = now;
                    }
                    of.lags.addLast(Map.entry(now, lag));
                    while (of.lags.peekFirst().getKey().isBefore(now.minus(HISTORY))) {
                        of.lags.removeFirst();
                    }
                    Instant stalledSince = lag > 0 && of.movedAt.isBefore(now.minus(STALLED_AFTER)) ? of.movedAt : null;
                    long maxLag = of.lags.stream().mapToLong(Map.Entry::getValue).max().orElse(0);
                    String dlq = topic.deadLetterTopic(consumer);
                    consumers.add(new Consumer(consumer.serviceName(), lag, topicEnds.getOrDefault(dlq, 0L), dlq,
                            stalledSince, points(of.lags, now, maxLag), maxLag));
                }
                long records = topicEnds.getOrDefault(topic.topicName(), 0L);
                double rate = 0;
                if (previousAt != null && previousEnds.containsKey(topic.topicName())) {
                    double seconds = Math.max(0.001, Duration.between(previousAt, now).toMillis() / 1000.0);
                    rate = (records - previousEnds.get(topic.topicName())) / seconds;
                }
                topics.add(new TopicState(topic.topicName(), topic.purpose(), topic.producer().serviceName(), rate,
                        records, consumers));
            }
            previousEnds = topicEnds;
            previousAt = now;
            last = new Sample(now, topics, null);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debugf(e, "could not sample the pipeline");
            last = new Sample(now, last.topics(), "The brokers at " + bootstrapServers + " did not answer: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** The lag samples as polyline points on a 100 by 20 box: the last ten minutes, left to right. */
    static String points(Deque<Map.Entry<Instant, Long>> lags, Instant now, long maxLag) {
        StringBuilder points = new StringBuilder();
        double span = HISTORY.toMillis();
        for (Map.Entry<Instant, Long> sample : lags) {
            double x = 100 - Duration.between(sample.getKey(), now).toMillis() / span * 100;
            double y = maxLag == 0 ? 20 : 20 - sample.getValue() * 20.0 / maxLag;
            points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return points.toString().strip();
    }

    /** The last {@code count} records of a dead-letter topic, newest first, read without joining a group. */
    public List<DeadLetter> deadLetters(String topic, int count) {
        Set<String> known = new java.util.HashSet<>();
        for (Topic t : Topic.values()) {
            t.consumers().forEach(c -> known.add(t.deadLetterTopic(c)));
        }
        if (!known.contains(topic)) {
            return List.of();
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "amends-console-dlq-reader");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(3)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(3));
            ends.forEach((p, end) -> consumer.seek(p, Math.max(0, end - count)));
            List<DeadLetter> letters = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(3);
            while (Instant.now().isBefore(deadline) && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    letters.add(new DeadLetter(topic, r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()),
                            header(r, "ce_type"), header(r, "dead-letter-reason")));
                }
            }
            letters.sort((a, b) -> b.at().compareTo(a.at()));
            return letters.subList(0, Math.min(count, letters.size()));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
