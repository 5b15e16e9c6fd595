package uk.gov.spendingcontrol.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import jakarta.persistence.PersistenceException;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseOutageTest {

    @Test
    void aConnectionThatCannotBeMadeOrWasLostIsAnOutage() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        PSQLException lost = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE);
        assertTrue(DatabaseOutage.isOutage(refused));
        assertTrue(DatabaseOutage.isOutage(lost));
        // as Hibernate and the transaction interceptor hand them on
        assertTrue(DatabaseOutage.isOutage(new RuntimeException(
                new JDBCConnectionException("Unable to acquire JDBC Connection", refused))));
        assertEquals("SQLState 08001: Connection to 127.0.0.1:5432 refused.",
                DatabaseOutage.describe(DatabaseOutage.cause(new PersistenceException(refused)).orElseThrow()));
    }

    @Test
    void aCommitCutOffIsAnOutageThoughTheTransactionManagerReportsItAsSuppressed() {
        // what Narayana throws when the connection dies at commit: the SQL failure is not a cause but suppressed
        Exception commit = new Exception("ARJUNA016053: Could not commit transaction.");
        javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException("Error trying to commit");
        xa.initCause(UniqueViolationsTest.serverError("57P01", null, "terminating connection"));
        commit.addSuppressed(xa);
        assertTrue(DatabaseOutage.isOutage(new RuntimeException(commit)));
        assertEquals("57P01", DatabaseOutage.cause(commit).orElseThrow().getSQLState());
    }

    @Test
    void aServerShuttingDownStartingOrFullIsAnOutage() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "53300"}) {
            assertTrue(DatabaseOutage.isOutage(UniqueViolationsTest.serverError(state, null, "terminating connection")),
                    state);
        }
    }

    @Test
    void otherDatabaseFailuresAreNotOutages() {
        for (String state : new String[] {"23505", "42P01", "40001", "22021", "57014"}) {
            assertFalse(DatabaseOutage.isOutage(UniqueViolationsTest.serverError(state, null, "x")), state);
        }
        assertFalse(DatabaseOutage.isOutage(new SQLException("no state, not from the pool")));
        assertFalse(DatabaseOutage.isOutage(new IllegalStateException("Connection refused")));
        assertFalse(DatabaseOutage.isOutage(null));
    }

    @Test
    void thePoolTimingOutOnAcquisitionIsAnOutage() throws Exception {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(1).acquisitionTimeout(Duration.ofSeconds(1))
                        .connectionFactoryConfiguration(factory -> factory.connectionProviderClass(Fake.class)));
        try (AgroalDataSource pool = AgroalDataSource.from(config); Connection held = pool.getConnection()) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> CompletableFuture.supplyAsync(() -> {
                        try (Connection second = pool.getConnection()) {
                            return second;
                        } catch (SQLException sql) {
                            throw new CompletionException(sql);
                        }
                    }).join());
            SQLException timeout = (SQLException) e.getCause();
            assertTrue(DatabaseOutage.isOutage(timeout), timeout.toString());
            assertTrue(DatabaseOutage.isOutage(new JDBCConnectionException("Unable to acquire JDBC Connection",
                    timeout)));
        }
    }

    /** A data source whose connections do nothing: enough for the pool to hand one out and hold it. */
    public static class Fake implements DataSource {

        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Fake.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        Class<?> type = method.getReturnType();
                        if (type == boolean.class) {
                            return method.getName().equals("isValid") || method.getName().equals("getAutoCommit");
                        }
                        if (type == int.class) {
                            return method.getName().equals("getTransactionIsolation")
                                    ? Connection.TRANSACTION_READ_COMMITTED : 0;
                        }
                        return null;
                    });
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
