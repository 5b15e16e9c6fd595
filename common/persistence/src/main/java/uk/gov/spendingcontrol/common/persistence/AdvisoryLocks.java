package uk.gov.spendingcontrol.common.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The one way the suite takes PostgreSQL advisory locks: transaction-level ({@code pg_advisory_xact_lock}), so a lock
 * can never outlive the transaction that took it nor leak through a pooled connection, keyed by a namespace (what is
 * serialised, such as {@code "allocation"}) and a key within it (such as {@code "DHSC:2026-27:CAPITAL_DEL"}).
 *
 * <p>Both are hashed with PostgreSQL's {@code hashtext} into the two-key form of the lock: the same (namespace, key)
 * is the same lock in every service and every replica. Two different keys that hash alike only wait for each other
 * (never wrongly run together), and a namespace keeps one kind of lock from waiting on another kind's keys.
 */
@ApplicationScoped
public class AdvisoryLocks {

    private final EntityManager em;

    public AdvisoryLocks(EntityManager em) {
        this.em = em;
    }

    /**
     * Waits for, then holds until the current transaction ends, the lock of {@code key} in {@code namespace}. Must run
     * inside a transaction (a lock taken outside one would be released at once).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String namespace, String key) {
        em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtext(?1), hashtext(?2)) AS text)")
                .setParameter(1, namespace)
                .setParameter(2, key)
                .getSingleResult();
    }

    /**
     * The same lock on a plain JDBC connection, for code that works below Hibernate (the change feed's table). The
     * connection must be in a transaction (auto-commit off).
     */
    public static void lock(Connection connection, String namespace, String key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))")) {
            lock.setString(1, namespace);
            lock.setString(2, key);
            lock.execute();
        }
    }
}
