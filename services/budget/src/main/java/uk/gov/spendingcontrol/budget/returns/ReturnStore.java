package uk.gov.spendingcontrol.budget.returns;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes a submission's lines, totals and warnings with PostgreSQL COPY, on the connection of the current
 * transaction (so they commit or roll back with the submission row and the change-feed event).
 */
@ApplicationScoped
public class ReturnStore {

    private final EntityManager em;

    public ReturnStore(EntityManager em) {
        this.em = em;
    }

    interface Rows {
        void write(CopyWriter w) throws SQLException;
    }

    long copy(String sql, Rows rows) {
        long[] count = new long[1];
        em.unwrap(Session.class).doWork(connection -> {
            CopyManager manager = connection.unwrap(PGConnection.class).getCopyAPI();
            CopyIn in = manager.copyIn(sql);
            try {
                CopyWriter w = new CopyWriter(in);
                rows.write(w);
                count[0] = w.finish();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        });
        return count[0];
    }

    /** The lines, in COPY's binary format. */
    void lines(long submissionSeq, ReturnLines l) {
        copy("COPY return_line (submission_seq, line_no, programme_code, boundary, period, kind, amount)"
                + " FROM STDIN (FORMAT binary)", w -> {
                    w.binaryHeader();
                    for (int i = 0; i < l.size; i++) {
                        w.tuple(7).int8(submissionSeq).int4(i + 1).varchar(l.programme[i])
                                .varchar(ReturnLines.BOUNDARIES[l.boundary[i]].name()).int2(l.period[i])
                                .varchar(ReturnLines.KINDS[l.kind[i]].name()).numeric(l.amount[i]).endTuple();
                    }
                    w.binaryTrailer();
                });
    }

    void totals(UUID id, List<ReturnValidator.Total> totals) {
        if (totals.isEmpty()) {
            return;
        }
        String sid = CopyWriter.uuid(id);
        copy("COPY submission_total (submission_id, programme_code, boundary, outturn_ytd, forecast_full_year)"
                + " FROM STDIN", w -> {
                    for (ReturnValidator.Total t : totals) {
                        w.ascii(sid).tab().ascii(t.programme()).tab().ascii(ReturnLines.BOUNDARIES[t.boundary()].name())
                                .tab().pounds(t.outturnYtd()).tab().pounds(t.forecastFullYear()).end();
                    }
                });
    }

    void warnings(UUID id, List<Finding> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        String sid = CopyWriter.uuid(id);
        copy("COPY return_warning (submission_id, seq, rule_id, line_no, field, message) FROM STDIN", w -> {
            int seq = 0;
            for (Finding f : warnings) {
                w.ascii(sid).tab().number(++seq).tab().ascii(f.ruleId()).tab();
                if (f.line() == null) {
                    w.text(null);
                } else {
                    w.number(f.line());
                }
                w.tab().text(f.field()).tab().text(f.message()).end();
            }
        });
    }
}
