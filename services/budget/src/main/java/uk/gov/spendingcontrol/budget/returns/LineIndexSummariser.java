package uk.gov.spendingcontrol.budget.returns;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Summarises the new block ranges of the BRIN index on return lines soon after a return is committed, off the request
 * path, so that reading a return's lines right after it was written does not scan every unsummarised range (autovacuum
 * would get there too, up to a minute later). Coalesced: one run covers every return committed before it starts. It
 * gives up at once rather than wait for a lock (autovacuum may hold it); then autovacuum does the work.
 */
@ApplicationScoped
public class LineIndexSummariser {

    /** Fired in the transaction that wrote a submission's lines. */
    public record LinesWritten(long submissionSeq) {
    }

    private static final Logger LOG = Logger.getLogger(LineIndexSummariser.class);

    private final AgroalDataSource db;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "return-line-index-summariser");
        t.setDaemon(true);
        return t;
    });

    public LineIndexSummariser(AgroalDataSource db) {
        this.db = db;
    }

    void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinesWritten event) {
        if (queued.compareAndSet(false, true)) {
            executor.execute(this::summarise);
        }
    }

    void summarise() {
        queued.set(false);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '200ms'");
                s.execute("SELECT brin_summarize_new_values('return_line_submission'::regclass)");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.debugf("return_line index not summarised now (autovacuum will): %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
