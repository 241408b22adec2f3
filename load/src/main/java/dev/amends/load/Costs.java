package dev.amends.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the platform spends: the CPU time of every process on the machine but the harness itself
 * (the four services, PostgreSQL, the broker and the stand-ins, all on this one box), and
 * PostgreSQL's committed transactions and executed statements in the four services' databases.
 * Counts do not swing with the machine's other load the way times do. What the platform spends
 * while idle (schedulers, health and metrics refreshes) is measured first and taken off.
 */
final class Costs {

    /** USER_HZ: /proc reports CPU time in these ticks on Linux. */
    private static final double TICKS_PER_SECOND = 100;
    private static final List<String> DATABASES = List.of("intake", "recovery", "notification", "review");

    record Snapshot(Instant at, long cpuTicks, long transactions, long statements) {
    }

    /** Per complaint, from two snapshots around a run, less the idle rate over the same time. */
    record PerComplaint(double cpuMillis, double transactions, double statements, boolean statementsCounted) {
    }

    private final Commands commands;
    private final long self = ProcessHandle.current().pid();
    private boolean statementsCounted;

    Costs(Commands commands) {
        this.commands = commands;
    }

    Snapshot take() throws IOException, InterruptedException {
        String names = "'" + String.join("','", DATABASES) + "'";
        long transactions = Long.parseLong(commands.psql("postgres",
                "select coalesce(sum(xact_commit + xact_rollback), 0) from pg_stat_database where datname in (" + names
                        + ")").strip());
        long statements = -1;
        try {
            // pg_stat_statements counts statements when PostgreSQL preloads it; without it, only transactions.
            statements = Long.parseLong(commands.psql("postgres", "create extension if not exists pg_stat_statements; "
                    + "select coalesce(sum(s.calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid "
                    + "where d.datname in (" + names + ")").strip().lines().reduce((a, b) -> b).orElse("-1"));
            statementsCounted = true;
        } catch (IllegalStateException | NumberFormatException e) {
            statementsCounted = false;
        }
        return new Snapshot(Instant.now(), cpuTicks(), transactions, statements);
    }

    /** The idle rate: two snapshots this far apart with no load. */
    Snapshot[] idle(Duration length) throws IOException, InterruptedException {
        Snapshot start = take();
        Thread.sleep(length.toMillis());
        return new Snapshot[] { start, take() };
    }

    PerComplaint perComplaint(Snapshot[] idle, Snapshot before, Snapshot after, long complaints) {
        double idleSeconds = Duration.between(idle[0].at(), idle[1].at()).toMillis() / 1000.0;
        double seconds = Duration.between(before.at(), after.at()).toMillis() / 1000.0;
        double share = seconds / idleSeconds;
        double cpuTicks = (after.cpuTicks() - before.cpuTicks()) - share * (idle[1].cpuTicks() - idle[0].cpuTicks());
        double transactions = (after.transactions() - before.transactions())
                - share * (idle[1].transactions() - idle[0].transactions());
        double statements = (after.statements() - before.statements())
                - share * (idle[1].statements() - idle[0].statements());
        return new PerComplaint(cpuTicks / TICKS_PER_SECOND * 1000 / complaints, transactions / complaints,
                statements / complaints, statementsCounted);
    }

    private long cpuTicks() throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (Long.parseLong(process.getFileName().toString()) == self) {
                    continue;
                }
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    // Fields after the command name, which is in parentheses and may hold spaces.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException | RuntimeException gone) {
                    // The process ended meanwhile.
                }
            }
        }
        return ticks;
    }
}
