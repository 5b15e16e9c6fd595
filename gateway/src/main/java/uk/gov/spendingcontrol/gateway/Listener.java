package uk.gov.spendingcontrol.gateway;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import java.util.IdentityHashMap;
import java.util.Map;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.web.RequestIds;

/**
 * One event loop's share of the public port: a Vert.x HTTP/1.1 server and the HTTP client (with its connection pool)
 * that forwards to the services. Owns the connection-level rules: a request head must arrive within the header timeout
 * of the connection's opening or of the previous answer, and a malformed request (bad request line, request line or
 * headers over their limits) is answered with problem+json and the connection closed.
 */
final class Listener extends AbstractVerticle {

    /** What the listener knows about one client connection (event-loop confined). */
    static final class ConnectionState {
        long headerTimer = -1;
    }

    private final Gateway gateway;
    private final int port;
    private final int poolSize;
    private final Map<HttpConnection, ConnectionState> connections = new IdentityHashMap<>();
    private HttpServer server;
    HttpClient client;

    Listener(Gateway gateway, int port, int poolSize) {
        this.gateway = gateway;
        this.port = port;
        this.poolSize = poolSize;
    }

    @Override
    public void start(Promise<Void> started) {
        GatewayConfig config = gateway.config;
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .setKeepAlive(true)
                .setPipelining(false)
                .setDecompressionSupported(false)
                .setTryUseCompression(false),
                new PoolOptions().setHttp1MaxSize(poolSize));
        server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(config.listener().host())
                .setPort(port)
                .setMaxInitialLineLength((int) config.limits().requestLine().asLongValue())
                .setMaxHeaderSize((int) config.limits().headerSize().asLongValue())
                .setHandle100ContinueAutomatically(false)
                .setCompressionSupported(false)
                .setDecompressionSupported(false)
                .setHttp2ClearTextEnabled(false)
                .setTcpNoDelay(true));
        server.connectionHandler(this::opened)
                .invalidRequestHandler(this::invalid)
                .requestHandler(request -> new Exchange(gateway, this, request).start())
                .listen()
                .onSuccess(s -> {
                    gateway.bound(s.actualPort());
                    started.complete();
                })
                .onFailure(started::fail);
    }

    @Override
    public void stop(Promise<Void> stopped) {
        client.close();
        server.close().onComplete(ar -> stopped.complete());
    }

    private void opened(HttpConnection connection) {
        ConnectionState state = new ConnectionState();
        connections.put(connection, state);
        connection.closeHandler(v -> {
            ConnectionState s = connections.remove(connection);
            if (s != null && s.headerTimer >= 0) {
                vertx.cancelTimer(s.headerTimer);
            }
        });
        awaitNextRequest(connection);
    }

    /** Starts the clock for the next request head on this connection (at its opening, and after each answer). */
    void awaitNextRequest(HttpConnection connection) {
        ConnectionState state = connections.get(connection);
        if (state == null) {
            return;
        }
        if (state.headerTimer >= 0) {
            vertx.cancelTimer(state.headerTimer);
        }
        state.headerTimer = vertx.setTimer(gateway.config.timeouts().requestHeader().toMillis(), t -> {
            state.headerTimer = -1;
            connection.close();
        });
    }

    /** A request head has arrived on this connection: its clock stops. */
    void requestArrived(HttpConnection connection) {
        ConnectionState state = connections.get(connection);
        if (state != null && state.headerTimer >= 0) {
            vertx.cancelTimer(state.headerTimer);
            state.headerTimer = -1;
        }
    }

    /** A request Netty could not decode, or whose request line or headers are over their limits. */
    private void invalid(HttpServerRequest request) {
        requestArrived(request.connection());
        DecoderResult result = request.decoderResult();
        Throwable cause = result == null ? null : result.cause();
        Problem problem;
        if (cause instanceof TooLongFrameException && String.valueOf(cause.getMessage()).startsWith("An HTTP line is larger")) {
            problem = Problems.uriTooLong(gateway.config.limits().requestLine().asLongValue());
        } else if (cause instanceof TooLongFrameException) {
            problem = Problems.headersTooLarge(gateway.config.limits().headerSize().asLongValue());
        } else {
            problem = Problems.badRequest("The request is not valid HTTP/1.1");
        }
        String id = RequestIds.sanitize(null);
        long start = System.nanoTime();
        request.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader(RequestIds.HEADER, id)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem.at("", id).toJson())
                .onComplete(ar -> request.connection().close());
        String peer = request.remoteAddress() == null ? "-" : request.remoteAddress().hostAddress();
        gateway.recordRequest("UNKNOWN", "INVALID", problem.status(), System.nanoTime() - start);
        gateway.recordRejection("invalid-request", "none");
        Gateway.ACCESS_LOG.info(id + " " + peer + " \"- INVALID\" " + problem.status() + " - 0ms");
    }
}
