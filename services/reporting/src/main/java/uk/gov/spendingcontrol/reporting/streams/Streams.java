package uk.gov.spendingcontrol.reporting.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.reporting.readmodel.Sql;

/**
 * The live streams: each subscriber has a filter (which changes concern its view) and its view; every change that
 * concerns it is sent as an SSE event {@code change} with the change's number as its id and the view as it stands.
 * The first event is a {@code snapshot}; a subscriber that reconnects with {@code Last-Event-ID} gets every change it
 * missed instead (read from view_change), then the live ones. A comment line every 20 s keeps idle connections open.
 */
@ApplicationScoped
public class Streams {

    private static final Logger LOG = Logger.getLogger(Streams.class);
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private final ChangeListener listener;
    private final Sql sql;
    private final ObjectMapper mapper;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "stream-sender");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stream-keep-alive");
        t.setDaemon(true);
        return t;
    });
    private final List<Subscription> open = new CopyOnWriteArrayList<>();

    public Streams(ChangeListener listener, Sql sql, ObjectMapper mapper) {
        this.listener = listener;
        this.sql = sql;
        this.mapper = mapper;
        keepAlive.scheduleAtFixedRate(this::ping, 20, 20, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        open.forEach(Subscription::close);
        executor.shutdownNow();
        keepAlive.shutdownNow();
    }

    /** The Last-Event-ID header as a change number (null when absent); anything else is a 400 naming it. */
    public static Long lastEventId(String header) {
        if (header == null) {
            return null;
        }
        if (!ID.matcher(header).matches()) {
            throw ProblemException.invalid("Last-Event-ID", "must be the id of an event of this stream (a whole number)");
        }
        return Long.parseLong(header);
    }

    /** How many subscribers are open (for tests and the metrics). */
    public int subscribers() {
        return open.size();
    }

    /**
     * Opens a stream: call once the view has been computed once (so access and existence were checked). Subscribes
     * first, then sends the snapshot or the missed changes, then the live ones, so that nothing falls in between.
     */
    public void open(Predicate<Change> filter, Supplier<Object> view, Long lastEventId, SseEventSink sink, Sse sse) {
        Subscription s = new Subscription(filter, view, sink, sse);
        listener.subscribe(s);
        open.add(s);
        try {
            if (lastEventId == null) {
                long newest = QuarkusTransaction.joiningExisting().call(() -> listener.newest(sql));
                s.send("snapshot", newest, null, view.get());
                s.watermark = newest;
            } else {
                List<Change> missed = QuarkusTransaction.joiningExisting().call(() -> listener.since(sql, lastEventId))
                        .stream().filter(filter).toList();
                s.watermark = lastEventId;
                if (!missed.isEmpty()) {
                    s.sendAll(missed);
                }
            }
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        s.ready = true;
        s.schedule();
    }

    private void ping() {
        for (Subscription s : open) {
            if (s.sink.isClosed()) {
                s.close();
            } else {
                s.sink.send(s.sse.newEventBuilder().comment("keep-alive").build());
            }
        }
    }

    final class Subscription implements ChangeListener.Subscriber {
        final Predicate<Change> filter;
        final Supplier<Object> view;
        final SseEventSink sink;
        final Sse sse;
        final ConcurrentLinkedQueue<Change> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
        volatile long watermark;
        volatile boolean ready;

        Subscription(Predicate<Change> filter, Supplier<Object> view, SseEventSink sink, Sse sse) {
            this.filter = filter;
            this.view = view;
            this.sink = sink;
            this.sse = sse;
        }

        @Override
        public void changed(Change change) {
            if (filter.test(change)) {
                queue.add(change);
                schedule();
            }
        }

        void schedule() {
            if (ready && !queue.isEmpty() && draining.compareAndSet(false, true)) {
                executor.execute(this::drain);
            }
        }

        private void drain() {
            try {
                List<Change> batch = new ArrayList<>();
                for (Change c = queue.poll(); c != null; c = queue.poll()) {
                    if (c.seq() > watermark) {
                        batch.add(c);
                    }
                }
                if (!batch.isEmpty()) {
                    sendAll(batch);
                }
            } catch (RuntimeException e) {
                LOG.debugf("Stream send failed: %s", e);
            } finally {
                draining.set(false);
            }
            schedule();
        }

        /** Sends every change, each with its id; the view, computed once, as it stands after the last. */
        void sendAll(List<Change> changes) {
            Object current = view.get();
            for (Change c : changes) {
                send("change", c.seq(), c, current);
                watermark = c.seq();
            }
        }

        void send(String name, long id, Change change, Object current) {
            if (sink.isClosed()) {
                close();
                return;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("change", id);
            if (change != null) {
                data.put("source", change.source());
                data.put("position", change.position());
                data.put("eventTypes", change.eventTypes());
                data.put("at", change.at());
            }
            data.put("view", current);
            String json;
            try {
                json = mapper.writeValueAsString(data);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            OutboundSseEvent event = sse.newEventBuilder().id(Long.toString(id)).name(name)
                    .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, json).build();
            try {
                sink.send(event).toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                close();
            }
        }

        void close() {
            listener.unsubscribe(this);
            open.remove(this);
            if (!sink.isClosed()) {
                sink.close();
            }
        }
    }
}
