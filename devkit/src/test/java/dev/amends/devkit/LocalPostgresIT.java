package dev.amends.devkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class LocalPostgresIT {

    @Test
    void whereNoServerAnswersTheReasonNamesTheAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = assertThrows(LocalPostgres.Unreachable.class,
                () -> LocalPostgres.connect("127.0.0.1", closedPort, "postgres", ""));
        assertTrue(unreachable.getMessage().startsWith("PostgreSQL is not reachable at 127.0.0.1:" + closedPort),
                unreachable.getMessage());
    }

    @Test
    void theEmbeddedFallbackIsARealServerThatCreatesDatabases() throws SQLException {
        try (LocalPostgres postgres = LocalPostgres.embedded(0, null)) {
            postgres.ensureDatabase("intake");
            postgres.ensureDatabase("intake");
            try (Connection connection = postgres.open("intake")) {
                var result = connection.createStatement().executeQuery("select current_database(), version()");
                assertTrue(result.next());
                assertTrue(result.getString(2).startsWith("PostgreSQL 17"), result.getString(2));
            }
        }
    }
}
