package uk.gov.spendingcontrol.common.persistence;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database that cannot be reached from any other failure, by what PostgreSQL and the connection pool report:
 * a connection that cannot be made or was lost (SQLState class {@code 08}), a server shutting down or starting up
 * ({@code 57P01}, {@code 57P02}, {@code 57P03}), no connection slot left ({@code 53300}), or the pool itself unable to
 * hand out a connection in time (a state-less error raised by the Agroal pool, such as its acquisition timeout).
 */
public final class DatabaseOutage {

    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final String POOL_PACKAGE = "io.agroal.";

    private DatabaseOutage() {
    }

    /** Whether {@code e}, or one of its causes, says that the database cannot be reached. */
    public static boolean isOutage(Throwable e) {
        return cause(e).isPresent();
    }

    /**
     * The failure, among {@code e}, its causes and suppressed exceptions (a failed commit is reported that way), that
     * says the database cannot be reached.
     */
    public static Optional<SQLException> cause(Throwable e) {
        return Causes.sqlFailures(e).stream().filter(DatabaseOutage::unreachable).findFirst();
    }

    /** A short description of the failure for the log: its SQLState and the first line of its message. */
    public static String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = message.indexOf('\n');
        return (e.getSQLState() == null ? "" : "SQLState " + e.getSQLState() + ": ")
                + (nl < 0 ? message : message.substring(0, nl));
    }

    private static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return raisedByPool(e);
        }
        return state.startsWith("08") || STATES.contains(state);
    }

    private static boolean raisedByPool(SQLException e) {
        StackTraceElement[] frames = e.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(POOL_PACKAGE);
    }
}
