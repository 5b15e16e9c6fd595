package uk.gov.spendingcontrol.common.persistence;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one way the suite recognises a unique violation: by PostgreSQL's SQLState {@code 23505} and the name of the
 * constraint, as the server reports it in its own field of the error (not by reading the message, whose wording and
 * language depend on the server's settings).
 */
public final class UniqueViolations {

    /** PostgreSQL's SQLState for a unique violation. */
    public static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    /** Whether {@code e}, or one of its causes, is a unique violation of the named constraint (exact name). */
    public static boolean violates(Throwable e, String constraint) {
        return violatedConstraint(e).filter(constraint::equals).isPresent();
    }

    /** The name of the unique constraint that {@code e}, or one of its causes, violates, if it is a unique violation. */
    public static Optional<String> violatedConstraint(Throwable e) {
        return Causes.sqlFailures(e).stream().filter(s -> UNIQUE_VIOLATION.equals(s.getSQLState())).findFirst()
                .map(UniqueViolations::constraintOf);
    }

    private static String constraintOf(SQLException e) {
        if (e instanceof PSQLException p) {
            ServerErrorMessage m = p.getServerErrorMessage();
            if (m != null && m.getConstraint() != null) {
                return m.getConstraint();
            }
        }
        return "";
    }
}
