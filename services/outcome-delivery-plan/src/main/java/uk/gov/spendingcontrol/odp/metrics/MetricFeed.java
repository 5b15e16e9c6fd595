package uk.gov.spendingcontrol.odp.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.common.security.Caller;

/** Metrics as they are read and as their events carry them: with their latest data point and status. */
@ApplicationScoped
public class MetricFeed {

    public static final String AGGREGATE_TYPE = "Metric";
    public static final String CHANGED = "MetricChanged";
    public static final String REMOVED = "MetricRemoved";

    private final MetricRepository metrics;
    private final MetricStatuses statuses;
    private final ChangeFeed feed;
    private final Caller caller;

    public MetricFeed(MetricRepository metrics, MetricStatuses statuses, ChangeFeed feed, Caller caller) {
        this.metrics = metrics;
        this.statuses = statuses;
        this.feed = feed;
        this.caller = caller;
    }

    /** The views of these metrics, in their order, with their data (one query for all). */
    public List<MetricView> views(Collection<Metric> ms) {
        Map<UUID, LatestPoint> latest = metrics.latest(ms.stream().map(m -> m.id).toList());
        List<MetricView> out = new ArrayList<>(ms.size());
        for (Metric m : ms) {
            LatestPoint p = latest.get(m.id);
            out.add(MetricView.of(m, p, statuses.of(m, p)));
        }
        return out;
    }

    /** Published views (from a revision) with today's data. */
    public List<MetricView> withLiveData(List<MetricView> views, Map<UUID, LatestPoint> latest) {
        List<MetricView> out = new ArrayList<>(views.size());
        for (MetricView v : views) {
            LatestPoint p = latest.get(v.id());
            out.add(v.withData(p, statuses.of(v, p)));
        }
        return out;
    }

    public Map<UUID, LatestPoint> latest(Collection<UUID> ids) {
        return metrics.latest(ids);
    }

    /** Appends a MetricChanged event for each metric (call as the change's last writes). */
    public void changed(Collection<Metric> ms) {
        changed(ms, caller.name());
    }

    /** As {@link #changed(Collection)}, recorded by a name of the caller's choice (no request: a start-up task). */
    public void changed(Collection<Metric> ms, String recordedBy) {
        if (ms.isEmpty()) {
            return;
        }
        metrics.flush();
        List<Metric> list = List.copyOf(ms);
        List<MetricView> views = views(list);
        List<ChangeFeed.NewEvent> events = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            MetricView v = views.get(i);
            events.add(new ChangeFeed.NewEvent(CHANGED, AGGREGATE_TYPE, v.id().toString(), departments(list.get(i)), v,
                    recordedBy));
        }
        feed.appendAll(events);
    }

    /** Appends a MetricRemoved event for each metric. */
    public void removed(Collection<Metric> ms, Collection<String> departments) {
        for (Metric m : ms) {
            feed.append(REMOVED, AGGREGATE_TYPE, m.id.toString(), departments,
                    Map.of("id", m.id, "department", m.departmentCode), caller.name());
        }
    }

    /** Who reads a metric's events: its department; every contributor for a metric of a cross-cutting outcome. */
    public static List<String> departments(Metric m) {
        return m.contribution == null ? List.of(m.departmentCode) : m.contribution.outcome.contributorCodes();
    }
}
