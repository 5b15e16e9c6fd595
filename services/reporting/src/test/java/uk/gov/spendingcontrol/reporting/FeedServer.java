package uk.gov.spendingcontrol.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the change feeds of budget, outcome-delivery-plan and delegation-rules in this module's tests (the
 * e2e module follows the real services): serves {@code /api/v1/change-feeds/{source}} as common's ChangeFeedResource
 * does (after, limit, lastPosition, headPosition), and can be taken down, made to replay events already served, and
 * asked what it was asked. It refuses requests without a bearer token.
 */
public class FeedServer implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile FeedServer current;

    private HttpServer server;
    private final Map<String, List<ObjectNode>> feeds = new HashMap<>();
    private final Map<String, Long> positions = new HashMap<>();
    /** Every request: source, after. */
    final List<String[]> requests = new CopyOnWriteArrayList<>();
    volatile boolean down;
    /** When set, every page starts this many events before the position asked for, and repeats its first event. */
    volatile int replay;
    volatile String lastAuthorization;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/change-feeds/", this::handle);
        server.start();
        current = this;
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("reporting.feeds.budget.url", url, "reporting.feeds.outcome-delivery-plan.url", url,
                "reporting.feeds.delegation-rules.url", url, "reporting.feeds.idle-poll", "PT0.05S",
                "reporting.feeds.max-backoff", "PT0.2S", "reporting.feeds.stale-after", "PT3S");
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    static FeedServer get() {
        return current;
    }

    /** Appends an event to a source's feed; returns its position. */
    static long publish(String source, String type, String aggregateType, String aggregateId,
            List<String> departments, Object payload) {
        FeedServer s = current;
        synchronized (s) {
            long position = s.positions.merge(source, 1L, Long::sum);
            ObjectNode e = JSON.createObjectNode();
            e.put("position", position);
            e.put("eventId", UUID.randomUUID().toString());
            e.put("type", type);
            e.put("aggregateType", aggregateType);
            e.put("aggregateId", aggregateId);
            ArrayNode d = e.putArray("departments");
            departments.forEach(d::add);
            e.set("payload", JSON.valueToTree(payload));
            e.put("recordedBy", "test");
            e.put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
            s.feeds.computeIfAbsent(source, k -> new ArrayList<>()).add(e);
            return position;
        }
    }

    static long head(String source) {
        synchronized (current) {
            return current.positions.getOrDefault(source, 0L);
        }
    }

    private void handle(HttpExchange x) throws IOException {
        String source = x.getRequestURI().getPath().substring("/api/v1/change-feeds/".length());
        Map<String, String> query = new HashMap<>();
        String raw = x.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "500"));
        String auth = x.getRequestHeaders().getFirst("Authorization");
        lastAuthorization = auth;
        requests.add(new String[] {source, Long.toString(after)});
        if (down) {
            send(x, 503, "{\"title\":\"down\"}");
            return;
        }
        if (auth == null || !auth.startsWith("Bearer ") || auth.length() < 20) {
            send(x, 401, "{\"title\":\"no token\"}");
            return;
        }
        ObjectNode page = JSON.createObjectNode();
        ArrayNode events = page.putArray("events");
        long head;
        long last = after;
        synchronized (this) {
            List<ObjectNode> feed = feeds.getOrDefault(source, Collections.emptyList());
            head = positions.getOrDefault(source, 0L);
            long from = Math.max(0, after - replay);
            int n = 0;
            for (ObjectNode e : feed) {
                long p = e.get("position").asLong();
                if (p > from && n < limit) {
                    events.add(e);
                    if (replay > 0 && n == 0) {
                        events.add(e);
                    }
                    n++;
                    last = Math.max(last, p);
                }
            }
        }
        page.put("lastPosition", last);
        page.put("headPosition", head);
        page.put("next", "/api/v1/change-feeds/" + source + "?after=" + last + "&limit=" + limit);
        send(x, 200, JSON.writeValueAsString(page));
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
