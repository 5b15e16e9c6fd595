package uk.gov.spendingcontrol.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

class UniqueViolationsTest {

    /** An error as PostgreSQL sends it: fields by their one-letter codes (C the SQLState, n the constraint). */
    static PSQLException serverError(String state, String constraint, String message) {
        StringBuilder fields = new StringBuilder("SERROR\0VERROR\0C").append(state).append("\0M").append(message)
                .append('\0');
        if (constraint != null) {
            fields.append('n').append(constraint).append('\0');
        }
        return new PSQLException(new ServerErrorMessage(fields.toString()));
    }

    static PersistenceException asHibernateThrowsIt(SQLException e) {
        return new PersistenceException("could not execute statement",
                new ConstraintViolationException("could not execute statement", e, "insert ...", null));
    }

    @Test
    void aUniqueViolationIsKnownByItsStateAndConstraintNameWhereverItIsWrapped() {
        PSQLException e = serverError("23505", "programme_pkey",
                "duplicate key value violates unique constraint \"programme_pkey\"");
        assertTrue(UniqueViolations.violates(e, "programme_pkey"));
        assertTrue(UniqueViolations.violates(asHibernateThrowsIt(e), "programme_pkey"));
        assertEquals(Optional.of("programme_pkey"), UniqueViolations.violatedConstraint(asHibernateThrowsIt(e)));
    }

    @Test
    void theNameMustMatchExactlyNotByPrefixOrSuffix() {
        PersistenceException e = asHibernateThrowsIt(serverError("23505", "budget_programme_pkey_old", "x"));
        assertFalse(UniqueViolations.violates(e, "programme_pkey"));
        assertFalse(UniqueViolations.violates(e, "budget_programme"));
    }

    @Test
    void theMessageIsNotRead() {
        // a server in another language, or a message that merely mentions the constraint, changes nothing
        PSQLException german = serverError("23505", "programme_pkey", "doppelter Schlüsselwert verletzt Constraint");
        assertTrue(UniqueViolations.violates(german, "programme_pkey"));
        PSQLException notUnique = serverError("23503", "programme_pkey",
                "duplicate key value violates unique constraint \"programme_pkey\"");
        assertFalse(UniqueViolations.violates(notUnique, "programme_pkey"));
        assertEquals(Optional.empty(), UniqueViolations.violatedConstraint(notUnique));
    }

    @Test
    void aBatchFailureIsReadThroughItsNextExceptions() {
        SQLException batch = new SQLException("Batch entry 0 was aborted", "23505");
        batch.setNextException(serverError("23505", "allocation_key", "duplicate"));
        // the first in the chain carries the state but not the constraint name: the name is what matters
        assertEquals(Optional.of(""), UniqueViolations.violatedConstraint(batch));
        assertFalse(UniqueViolations.violates(batch, "allocation_key"));
        SQLException wrapped = new SQLException("Batch entry 0 was aborted");
        wrapped.setNextException(serverError("23505", "allocation_key", "duplicate"));
        assertTrue(UniqueViolations.violates(wrapped, "allocation_key"));
    }

    @Test
    void aViolationReportedAtCommitAsASuppressedFailureIsFound() {
        Exception commit = new Exception("Could not commit transaction");
        commit.addSuppressed(new RuntimeException(serverError("23505", "plan_department_year", "duplicate")));
        assertTrue(UniqueViolations.violates(commit, "plan_department_year"));
    }

    @Test
    void otherFailuresAreNotUniqueViolations() {
        assertFalse(UniqueViolations.violates(new IllegalStateException("programme_pkey"), "programme_pkey"));
        assertFalse(UniqueViolations.violates(null, "programme_pkey"));
    }
}
