package dev.amends.platform.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a failure means the database could not be reached or was going away, rather than that
 * the event or the code is wrong. Hibernate, Narayana and Agroal wrap the driver's exception, so the
 * whole cause chain is read.
 */
public final class DatabaseUnreachable implements Predicate<Throwable> {

    /**
     * PostgreSQL's SQLSTATEs for a server shutting down, crashed, starting up or out of connection
     * slots; class 08 (connection exceptions) is matched as a class.
     */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03", "53300");

    @Override
    public boolean test(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GOING_AWAY.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
