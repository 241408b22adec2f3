package dev.amends.platform.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.devkit.FreePort;
import dev.amends.devkit.LocalPostgres;
import dev.amends.devkit.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLState;

/**
 * Which database failures are waited out and which are the event's or the code's own, read from
 * what the PostgreSQL driver really throws, wrapped the way Hibernate and Narayana wrap it.
 */
class DatabaseFailuresIT {

    private final DatabaseUnreachable unreachable = new DatabaseUnreachable();
    private final DatabaseRetry.WorthRetrying worthRetrying = new DatabaseRetry.WorthRetrying();

    @Test
    void aDatabaseNobodyListensForIsUnreachableAndWorthRetrying() {
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + FreePort.pick() + "/amends",
                        "postgres", ""));
        RuntimeException wrapped = new IllegalStateException("JDBC exception", new RuntimeException(refused));
        assertTrue(unreachable.test(wrapped));
        assertTrue(worthRetrying.test(wrapped));
    }

    @Test
    void aStatementTheDatabaseRejectsIsNeitherUnreachableNorWorthRetrying() throws SQLException {
        LocalPostgres postgres = TestInfrastructure.shared().postgres();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + postgres.host() + ":"
                + postgres.port() + "/postgres", postgres.user(), postgres.password());
                Statement statement = connection.createStatement()) {
            SQLException syntax = assertThrows(SQLException.class, () -> statement.execute("selec 1"));
            SQLException division = assertThrows(SQLException.class,
                    () -> statement.execute("select 1 / 0"));
            for (SQLException rejected : new SQLException[] { syntax, division }) {
                RuntimeException wrapped = new IllegalStateException("JDBC exception", rejected);
                assertFalse(unreachable.test(wrapped), rejected.getSQLState());
                assertFalse(worthRetrying.test(wrapped), rejected.getSQLState());
            }
        }
    }

    @Test
    void aServerShuttingDownOrOutOfSlotsIsUnreachable() {
        for (String state : new String[] { "57P01", "57P03", "53300", PSQLState.CONNECTION_FAILURE.getState() }) {
            assertTrue(unreachable.test(new RuntimeException(new SQLException("going away", state))), state);
        }
    }

    @Test
    void aLostDeadlockOrSerializationConflictIsWorthRetryingButNotUnreachable() {
        for (String state : new String[] { "40P01", "40001" }) {
            RuntimeException conflict = new RuntimeException(new SQLException("conflict", state));
            assertTrue(worthRetrying.test(conflict), state);
            assertFalse(unreachable.test(conflict), state);
        }
    }
}
