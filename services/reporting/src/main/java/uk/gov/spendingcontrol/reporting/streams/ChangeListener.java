package uk.gov.spendingcontrol.reporting.streams;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import uk.gov.spendingcontrol.reporting.feeds.FeedApplier;
import uk.gov.spendingcontrol.reporting.readmodel.Sql;

/**
 * Hears every committed change of the read models through PostgreSQL LISTEN/NOTIFY (channel
 * {@value FeedApplier#CHANNEL}, sent by the transaction that applied the change, delivered at its commit) and hands it
 * to the live streams. The notification carries only the change's number; the listener reads every change after the
 * last one it handed out, so a notification lost with a broken connection loses nothing: it reads on after reconnecting.
 * Also reads the changes a reconnecting subscriber missed ({@link #since}).
 */
@ApplicationScoped
public class ChangeListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private static final String COLUMNS = "seq, source, position, event_types, departments, programmes, outcomes,"
            + " every_department, at";

    private final String url;
    private final String user;
    private final String password;
    private final String table;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private volatile long last = -1;
    private Thread thread;

    /** Something that wants the changes. */
    public interface Subscriber {
        void changed(Change change);
    }

    public ChangeListener(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.table = schema + ".view_change";
    }

    void onStart(@Observes StartupEvent event) {
        thread = new Thread(this::run, "view-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    public void subscribe(Subscriber s) {
        subscribers.add(s);
    }

    public void unsubscribe(Subscriber s) {
        subscribers.remove(s);
    }

    /** The changes after {@code seq}, oldest first (at most 10,000), on the caller's transaction. */
    public List<Change> since(Sql sql, long seq) {
        return sql.list("SELECT " + COLUMNS + " FROM view_change WHERE seq > ? ORDER BY seq LIMIT 10000",
                ChangeListener::change, seq);
    }

    /** The number of the newest change (0 when none), on the caller's transaction. */
    public long newest(Sql sql) {
        return sql.one("SELECT coalesce(max(seq), 0) FROM view_change", rs -> rs.getLong(1));
    }

    private void run() {
        while (!stopped) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + FeedApplier.CHANNEL);
                }
                if (last < 0) {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                            "SELECT coalesce(max(seq), 0) FROM " + table)) {
                        rs.next();
                        last = rs.getLong(1);
                    }
                }
                readOn(c);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] notes = pg.getNotifications(10_000);
                    if (notes != null && notes.length > 0) {
                        readOn(c);
                    } else if (c.isClosed()) {
                        break;
                    }
                }
            } catch (SQLException e) {
                if (!stopped) {
                    LOG.warnf("Listening for read-model changes failed (%s); listening again in a second", e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    private void readOn(Connection c) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                + " WHERE seq > ? ORDER BY seq")) {
            s.setLong(1, last);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(change(rs));
                }
            }
        }
        for (Change change : changes) {
            last = change.seq();
            for (Subscriber s : subscribers) {
                try {
                    s.changed(change);
                } catch (RuntimeException e) {
                    LOG.debugf("A subscriber failed: %s", e);
                }
            }
        }
    }

    static Change change(ResultSet rs) throws SQLException {
        return new Change(rs.getLong(1), rs.getString(2), rs.getLong(3), Sql.strings(rs.getArray(4)),
                new HashSet<>(Sql.strings(rs.getArray(5))), new HashSet<>(Sql.strings(rs.getArray(6))),
                new HashSet<>(Sql.strings(rs.getArray(7))), rs.getBoolean(8), rs.getObject(9, OffsetDateTime.class));
    }
}
