package dev.amends.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The machine's own limits, measured the way their makers measure them, for the platform's figures
 * to be read against: PostgreSQL single-row insert transactions per second (pgbench with a custom
 * one-insert script) and Kafka producer throughput with acks=all (Kafka's ProducerPerformance tool,
 * the class behind kafka-producer-perf-test.sh), against the same database server and broker.
 */
final class Baselines {

    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");
    private static final Pattern RECORDS_PER_SECOND = Pattern.compile("records sent, ([\\d.]+) records/sec");
    private static final String DATABASE = "amends_load_baseline";
    private static final String TOPIC = "amends.load.baseline";

    record Figures(double insertsPerSecond, int clients, String pgbenchCommand, double kafkaRecordsPerSecond,
            int recordSize, String kafkaCommand) {
    }

    private final Commands commands;
    private final String bootstrapServers;

    Baselines(Commands commands, String bootstrapServers) {
        this.commands = commands;
        this.bootstrapServers = bootstrapServers;
    }

    Figures measure(int clients, int seconds, Path workDirectory) throws IOException, InterruptedException {
        String exists = commands.psql("postgres",
                "select count(*) from pg_database where datname = '" + DATABASE + "'");
        if (exists.strip().equals("0")) {
            commands.psql("postgres", "create database " + DATABASE);
        }
        commands.psql(DATABASE, "create table if not exists baseline_insert (id bigserial primary key, "
                + "payload text not null, at timestamptz not null default now())");
        Path script = workDirectory.resolve("pgbench-insert.sql");
        Files.writeString(script, "insert into baseline_insert (payload) values (md5(random()::text));\n");
        List<String> pgbench = new ArrayList<>(List.of("pgbench", "-h", commands.host(), "-p", commands.port(),
                "-U", commands.user(), "-n",
                "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 4)), "-T",
                Integer.toString(seconds), "-f", script.toString(), DATABASE));
        Matcher tps = TPS.matcher(commands.run(pgbench));
        double inserts = tps.find() ? Double.parseDouble(tps.group(1)) : Double.NaN;

        createTopic();
        int recordSize = 1024;
        List<String> producer = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOPIC, "--num-records", "200000", "--record-size", Integer.toString(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all");
        String output = commands.run(producer);
        Matcher perSecond = RECORDS_PER_SECOND.matcher(output);
        double records = Double.NaN;
        while (perSecond.find()) {
            records = Double.parseDouble(perSecond.group(1));
        }
        return new Figures(inserts, clients, String.join(" ", pgbench), records, recordSize,
                "ProducerPerformance --topic " + TOPIC + " --num-records 200000 --record-size " + recordSize
                        + " --throughput -1 --producer-props acks=all");
    }

    private void createTopic() throws InterruptedException {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create " + TOPIC + " on " + bootstrapServers, e);
        }
    }
}
