package dev.amends.devkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL server the configuration names (by default the machine's own, 127.0.0.1:5432),
 * or, where none answers and the caller allows it, a real embedded PostgreSQL from Maven Central.
 */
public final class LocalPostgres implements AutoCloseable {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private LocalPostgres(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** Connects to the named server; throws {@link Unreachable} with the reason when it cannot. */
    public static LocalPostgres connect(String host, int port, String user, String password) {
        LocalPostgres server = new LocalPostgres(host, port, user, password, null);
        try (Connection ignored = server.open("postgres")) {
            return server;
        } catch (SQLException e) {
            throw new Unreachable(host + ":" + port, e);
        }
    }

    /**
     * Starts an embedded server on {@code port} (0 picks a free one), keeping its data in
     * {@code dataDirectory} (a temporary one when null).
     */
    public static LocalPostgres embedded(int port, Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            return new LocalPostgres("localhost", postgres.getPort(), "postgres", "", postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    /** Whether the server vacuums dead rows by itself ({@code autovacuum}). */
    public boolean autovacuum() {
        try (Connection connection = open("postgres"); Statement statement = connection.createStatement()) {
            var setting = statement.executeQuery("show autovacuum");
            return setting.next() && "on".equals(setting.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read autovacuum", e);
        }
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String name) {
        try (Connection connection = open("postgres"); Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + identifier(name) + "'");
            if (!exists.next()) {
                statement.execute("create database \"" + identifier(name) + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /** Drops and creates the database, so a test run starts from an empty schema. */
    public void recreateDatabase(String name) {
        try (Connection connection = open("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists \"" + identifier(name) + "\" with (force)");
            statement.execute("create database \"" + identifier(name) + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("could not recreate database " + name, e);
        }
    }

    public Connection open(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        return name;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** No PostgreSQL answered where the configuration points. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String address, SQLException cause) {
            super("PostgreSQL is not reachable at " + address + " (" + cause.getMessage().replaceAll("\\.+$", "") + ")",
                    cause);
        }
    }
}
