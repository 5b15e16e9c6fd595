package uk.gov.spendingcontrol.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the owning services: a Vert.x HTTP server on a free loopback port that echoes what it receives (method,
 * path, query, headers, body) as JSON, plus a few misbehaving endpoints. Routes budget and reporting to it,
 * outcome-delivery-plan to it under a base path ({@code /odp}), and delegation-rules to a closed port.
 *
 * <ul>
 * <li>{@code .../slow}: answers after 3 s (the test response timeout is 1 s)</li>
 * <li>{@code .../status/NNN}: answers NNN with a problem body of its own</li>
 * <li>{@code .../stream}: a chunked answer in several pieces</li>
 * <li>{@code .../broken}: closes the connection without answering</li>
 * <li>{@code .../early}: answers 403 at once, before reading the request body (as a service refusing a caller
 * does); what it has not read stays on the connection, which is only safe if the request was complete</li>
 * <li>{@code .../absolute}: a 201 whose {@code Location} and {@code Link} carry the backend's own address</li>
 * <li>{@code /__seen/{requestId}}: 204 if a request with that id reached the backend, else 404 (for tests that
 * check that the gateway did not forward)</li>
 * <li>{@code /__stats}: how many requests reached the backend and how many of them came with a body shorter than
 * declared or were cut off (a desync would show there)</li>
 * </ul>
 *
 * Bodies larger than 64 KiB are echoed as their length and SHA-256 only.
 */
public class BackendTestResource implements QuarkusTestResourceLifecycleManager {

    static final String BASE_PATH_ODP = "/odp";

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger broken = new java.util.concurrent.atomic.AtomicInteger();
    private Vertx vertx;
    private String self;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server;
        try {
            server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test backend did not start", e);
        }
        String backend = "http://127.0.0.1:" + server.actualPort();
        self = backend;
        return Map.of(
                "gateway.services.budget.url", backend,
                "gateway.services.reporting.url", backend,
                "gateway.services.outcome-delivery-plan.url", backend + BASE_PATH_ODP + "/",
                "gateway.services.delegation-rules.url", "http://127.0.0.1:" + closedPort(),
                "test.backend.url", backend);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private void handle(HttpServerRequest req) {
        String path = req.path();
        if (path.startsWith("/__seen/")) {
            req.response().setStatusCode(seen.contains(path.substring("/__seen/".length())) ? 204 : 404).end();
            return;
        }
        if (path.equals("/__stats")) {
            req.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("requests", requests.get()).put("broken", broken.get()).encode());
            return;
        }
        requests.incrementAndGet();
        String requestId = req.getHeader("X-Request-Id");
        if (requestId != null) {
            seen.add(requestId);
        }
        if (path.endsWith("/broken")) {
            req.connection().close();
            return;
        }
        if (path.endsWith("/early")) {
            req.response().setStatusCode(403).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "urn:spending-control:problem:forbidden").put("status", 403)
                            .put("detail", "refused before reading the body").encode());
            return;
        }
        String declared = req.getHeader("Content-Length");
        req.exceptionHandler(t -> broken.incrementAndGet());
        req.body().onFailure(t -> broken.incrementAndGet()).onSuccess(body -> {
            if (declared != null && Long.parseLong(declared) != body.length()) {
                broken.incrementAndGet();
            }
            if (path.endsWith("/slow")) {
                vertx.setTimer(3000, t -> echo(req, body));
            } else if (path.contains("/status/")) {
                int status = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
                req.response().setStatusCode(status)
                        .putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("type", "urn:spending-control:problem:from-backend")
                                .put("status", status).put("detail", "the backend's own problem").encode());
            } else if (path.endsWith("/stream")) {
                var res = req.response().setChunked(true).putHeader("Content-Type", "text/plain");
                for (int i = 1; i <= 5; i++) {
                    int n = i;
                    vertx.setTimer(20L * i, t -> {
                        res.write("chunk-" + n + "\n");
                        if (n == 5) {
                            res.end();
                        }
                    });
                }
            } else if (path.endsWith("/absolute")) {
                req.response().setStatusCode(201)
                        .putHeader("Location", self + path + "/42?x=1")
                        .putHeader("Content-Location", "/relative/stays")
                        .putHeader("Link", "<" + self + "/api/v1/joint-bids?cursor=abc>; rel=\"next\", "
                                + "<https://elsewhere.example/doc>; rel=\"help\"")
                        .end();
            } else {
                echo(req, body);
            }
        });
    }

    private void echo(HttpServerRequest req, io.vertx.core.buffer.Buffer bytes) {
        String body = bytes.length() > 64 * 1024 ? "" : bytes.toString();
        JsonObject headers = new JsonObject();
        MultiMap in = req.headers();
        for (String name : in.names()) {
            headers.put(name.toLowerCase(), new JsonArray(in.getAll(name)));
        }
        JsonObject echo = new JsonObject()
                .put("method", req.method().name())
                .put("path", req.path())
                .put("query", req.query())
                .put("headers", headers)
                .put("body", body)
                .put("bodyLength", bytes.length())
                .put("bodySha256", sha256(bytes.getBytes()));
        var res = req.response()
                .setStatusCode(req.method().name().equals("POST") ? 201 : 200)
                .putHeader("Content-Type", "application/json")
                .putHeader("ETag", "\"7\"")
                .putHeader("X-Backend", "echo")
                // a hop-by-hop header named in Connection: the gateway must not pass it on
                .putHeader("Connection", "X-Hop")
                .putHeader("X-Hop", "secret");
        if (req.method().name().equals("POST")) {
            res.putHeader("Location", "/api/v1/departments/DHSC/returns/42");
        }
        res.end(echo.encode());
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
