package uk.gov.spendingcontrol.reporting.feeds;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.gov.spendingcontrol.reporting.readmodel.BudgetProjection;
import uk.gov.spendingcontrol.reporting.readmodel.DelegationProjection;
import uk.gov.spendingcontrol.reporting.readmodel.OdpProjection;

/**
 * Follows each source's change feed from the last position stored, one thread per source: reads a page, applies it
 * (with the new position, in one transaction), and carries on at once while behind; once up to date it asks again
 * after {@code reporting.feeds.idle-poll}. A source that cannot be read is retried with a growing pause (up to
 * {@code reporting.feeds.max-backoff}) and shows as stale meanwhile; the views keep answering from what was applied.
 *
 * <p>Exports {@code sc_change_feed_lag_seconds{feed}}: 0 while reporting is up to date with the feed, else the seconds
 * since it last was.
 */
@ApplicationScoped
public class FeedFollower {

    private static final Logger LOG = Logger.getLogger(FeedFollower.class);
    public static final List<String> SOURCES = List.of(BudgetProjection.SOURCE, OdpProjection.SOURCE,
            DelegationProjection.SOURCE);

    private final FeedClient client;
    private final FeedApplier applier;
    private final MeterRegistry registry;
    private final boolean enabled;
    private final int pageSize;
    private final Duration idlePoll;
    private final Duration maxBackoff;
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, Follower> running = new ConcurrentHashMap<>();
    /** Per source: when reporting was last up to date with it (millis), for the lag gauge. */
    private final Map<String, Long> upToDateAt = new ConcurrentHashMap<>();
    private final long startedAt = System.currentTimeMillis();

    public FeedFollower(FeedClient client, FeedApplier applier, MeterRegistry registry,
            @ConfigProperty(name = "reporting.feeds.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "reporting.feeds.page-size", defaultValue = "1000") int pageSize,
            @ConfigProperty(name = "reporting.feeds.idle-poll", defaultValue = "PT0.1S") Duration idlePoll,
            @ConfigProperty(name = "reporting.feeds.max-backoff", defaultValue = "PT2S") Duration maxBackoff,
            @ConfigProperty(name = "reporting.feeds.budget.url") Optional<String> budget,
            @ConfigProperty(name = "reporting.feeds.outcome-delivery-plan.url") Optional<String> odp,
            @ConfigProperty(name = "reporting.feeds.delegation-rules.url") Optional<String> delegation) {
        this.client = client;
        this.applier = applier;
        this.registry = registry;
        this.enabled = enabled;
        this.pageSize = pageSize;
        this.idlePoll = idlePoll;
        this.maxBackoff = maxBackoff;
        budget.ifPresent(u -> urls.put(BudgetProjection.SOURCE, u));
        odp.ifPresent(u -> urls.put(OdpProjection.SOURCE, u));
        delegation.ifPresent(u -> urls.put(DelegationProjection.SOURCE, u));
    }

    void onStart(@Observes StartupEvent event) {
        for (String source : SOURCES) {
            Gauge.builder("sc.change.feed.lag.seconds", () -> lagSeconds(source))
                    .description("Seconds since the reporting service was last up to date with the feed (0: it is)")
                    .tag("feed", source).register(registry);
        }
        if (enabled) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts following every configured source (again, after {@link #stop}: from the stored positions). */
    public synchronized void start() {
        urls.forEach((source, url) -> running.computeIfAbsent(source, s -> {
            Follower f = new Follower(s, url);
            f.thread.start();
            return f;
        }));
    }

    /** Stops following, as a shutdown would; returns once every follower has finished its current page. */
    public synchronized void stop() {
        List<Follower> stopping = new ArrayList<>(running.values());
        running.clear();
        stopping.forEach(Follower::halt);
        for (Follower f : stopping) {
            try {
                f.thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    double lagSeconds(String source) {
        Follower f = running.get(source);
        if (f != null && f.upToDate) {
            return 0;
        }
        return (System.currentTimeMillis() - upToDateAt.getOrDefault(source, startedAt)) / 1000.0;
    }

    private final class Follower implements Runnable {
        final String source;
        final String url;
        final Thread thread;
        volatile boolean stopped;
        volatile boolean upToDate;
        private final Object monitor = new Object();

        Follower(String source, String url) {
            this.source = source;
            this.url = url;
            this.thread = new Thread(this, "feed-" + source);
            this.thread.setDaemon(true);
        }

        void halt() {
            stopped = true;
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }

        @Override
        public void run() {
            long backoff = 50;
            long lastTouch = 0;
            long position = -1;
            while (!stopped) {
                try {
                    if (position < 0) {
                        position = applier.position(source);
                    }
                    FeedClient.Page page = client.read(url, source, position, pageSize);
                    if (stopped) {
                        return;
                    }
                    if (page.events().size() > 0) {
                        FeedApplier.Applied applied = applier.apply(source, page.events(), page.headPosition());
                        position = applied.position();
                        if (applied.applied() == 0) {
                            // only events already applied (a replay, another replica ahead): do not spin
                            pause(idlePoll.toMillis());
                        }
                    } else if (System.currentTimeMillis() - lastTouch > 1000 || !upToDate) {
                        applier.upToDate(source, page.headPosition());
                        lastTouch = System.currentTimeMillis();
                    }
                    backoff = 50;
                    upToDate = position >= page.headPosition();
                    if (upToDate) {
                        upToDateAt.put(source, System.currentTimeMillis());
                        pause(idlePoll.toMillis());
                    }
                } catch (FeedClient.Unavailable e) {
                    upToDate = false;
                    record(e.getMessage());
                    pause(backoff);
                    backoff = Math.min(backoff * 2, maxBackoff.toMillis());
                } catch (RuntimeException e) {
                    // the database is down or an event could not be applied: nothing was committed; try again
                    upToDate = false;
                    position = -1;
                    LOG.warnf("Feed %s: %s", source, e.toString());
                    pause(backoff);
                    backoff = Math.min(backoff * 2, maxBackoff.toMillis());
                }
            }
        }

        private void record(String why) {
            try {
                applier.failed(source, why);
            } catch (RuntimeException e) {
                LOG.debugf("Feed %s: failure not recorded: %s", source, e);
            }
        }

        private void pause(long millis) {
            synchronized (monitor) {
                if (!stopped) {
                    try {
                        monitor.wait(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stopped = true;
                    }
                }
            }
        }
    }
}
