package uk.gov.spendingcontrol.odp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Plain JDBC reads of the service's tables, to check what a request wrote (or did not write). */
final class Db {

    private Db() {
    }

    static long count(DataSource db, String sql, Object... args) {
        List<String> rows = strings(db, sql, args);
        return Long.parseLong(rows.get(0));
    }

    static List<String> strings(DataSource db, String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(DataSource db, String script) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(script);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every plan, and every change event, in the database. */
    static long plans(DataSource db) {
        return count(db, "select count(*) from odp.outcome_delivery_plan");
    }

    static long events(DataSource db) {
        return count(db, "select count(*) from odp.change_event");
    }

    /** The event types written for one plan, oldest first. */
    static List<String> eventTypes(DataSource db, String planId) {
        return strings(db, "select event_type from odp.change_event where aggregate_type = 'Plan'"
                + " and aggregate_id = ? order by position", planId);
    }

    /** The payload of the last event written for one plan. */
    static String lastPayload(DataSource db, String planId) {
        List<String> rows = strings(db, "select payload::text from odp.change_event where aggregate_id = ?"
                + " order by position desc limit 1", planId);
        return rows.get(0);
    }
}
