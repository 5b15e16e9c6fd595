package uk.gov.spendingcontrol.reporting.feeds;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.spendingcontrol.reporting.readmodel.Sql;

/**
 * The freshness of every source, read from {@code feed_source}. A source is stale when its last read failed after the
 * last good one, when reporting has not been up to date with it for {@code reporting.feeds.stale-after}, or when it
 * has never been read.
 */
@ApplicationScoped
public class Freshness {

    private final Sql sql;
    private final Duration staleAfter;

    public Freshness(Sql sql, @ConfigProperty(name = "reporting.feeds.stale-after", defaultValue = "PT10S")
            Duration staleAfter) {
        this.sql = sql;
        this.staleAfter = staleAfter;
    }

    /** Every source, by name. Call inside a transaction. */
    public Map<String, SourceView> all() {
        Map<String, SourceView> out = new LinkedHashMap<>();
        sql.list("SELECT source, position, last_changed_at,"
                + " (last_success_at IS NULL OR last_success_at < clock_timestamp() - CAST(? AS interval)"
                + "  OR coalesce(last_failure_at > last_success_at, false)) AS stale"
                + " FROM feed_source ORDER BY source", rs -> new SourceView(rs.getString(1), rs.getLong(2),
                        rs.getObject(3, java.time.OffsetDateTime.class), rs.getBoolean(4)),
                staleAfter.toMillis() + " milliseconds").forEach(v -> out.put(v.service(), v));
        return out;
    }
}
