package dev.amends.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Commands the harness runs: the PostgreSQL client tools against the database infra.env names, and the Kafka tools. */
final class Commands {

    private final Map<String, String> database;

    /** {@code database}: AMENDS_DB_HOST, _PORT, _USER, _PASSWORD, as the run command writes them. */
    Commands(Map<String, String> database) {
        this.database = database;
    }

    /** The query's result, unaligned and without headers. */
    String psql(String db, String sql) throws IOException, InterruptedException {
        return run(List.of("psql", "-h", host(), "-p", port(), "-U", user(), "-d", db, "-tAc", sql));
    }

    String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!database.getOrDefault("AMENDS_DB_PASSWORD", "").isEmpty()) {
            builder.environment().put("PGPASSWORD", database.get("AMENDS_DB_PASSWORD"));
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    String host() {
        return database.getOrDefault("AMENDS_DB_HOST", "127.0.0.1");
    }

    String port() {
        return database.getOrDefault("AMENDS_DB_PORT", "5432");
    }

    String user() {
        return database.getOrDefault("AMENDS_DB_USER", "postgres");
    }
}
