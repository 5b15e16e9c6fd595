package uk.gov.spendingcontrol.reporting.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import uk.gov.spendingcontrol.common.feed.ChangeFeedTable;
import org.hibernate.jdbc.ReturningWork;

/**
 * Plain SQL on the connection of the current Hibernate session, so that it commits with the transaction around it.
 * The read models are written by keyed upserts (applying an event twice changes nothing) and read by aggregate
 * queries: both are SQL's strengths and neither fits entity mapping.
 */
@ApplicationScoped
public class Sql {

    /** Maps one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final EntityManager em;

    public Sql(EntityManager em) {
        this.em = em;
    }

    public <T> T work(ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }

    public int update(String sql, Object... args) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(c, s, args);
                return s.executeUpdate();
            }
        });
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(c, s, args);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
                return out;
            }
        });
    }

    public <T> T one(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = list(sql, mapper, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    static void bind(Connection c, PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int at = i + 1;
            if (a == null) {
                s.setNull(at, Types.NULL);
            } else if (a instanceof Collection<?> items) {
                s.setArray(at, c.createArrayOf("varchar", items.toArray()));
            } else if (a instanceof String[] items) {
                s.setArray(at, c.createArrayOf("varchar", items));
            } else if (a instanceof UUID || a instanceof OffsetDateTime) {
                s.setObject(at, a);
            } else if (a instanceof BigDecimal d) {
                s.setBigDecimal(at, d);
            } else {
                s.setObject(at, a);
            }
        }
    }

    /** A text array column as a list (empty for SQL NULL). */
    public static List<String> strings(Array array) throws SQLException {
        return ChangeFeedTable.departments(array);
    }
}
