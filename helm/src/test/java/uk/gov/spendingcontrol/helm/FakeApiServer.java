package uk.gov.spendingcontrol.helm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Just enough of a Kubernetes API server for Helm's {@code lookup} of Secrets: the discovery of {@code v1} and
 * {@code GET /api/v1/namespaces/{ns}/secrets/{name}}, answering 404 unless a test put the Secret here.
 *
 * <p>helm-java's {@code template} renders with a dry run that still talks to the cluster for {@code lookup} (unlike the
 * {@code helm template} CLI, where lookup returns nothing). Surefire points {@code KUBECONFIG} at the file this server
 * writes, so the tests never reach a real cluster, nor whatever listens on localhost:8080, and can check that the
 * chart keeps the passwords of Secrets that already exist.
 */
final class FakeApiServer {

    private static final Pattern SECRET_PATH = Pattern.compile("^/api/v1/namespaces/([^/]+)/secrets/([^/]+)$");

    private final HttpServer server;
    private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    FakeApiServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Writes a kubeconfig whose only cluster is this server. */
    void writeKubeconfig(Path file) {
        String config = """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: fake
                    cluster:
                      server: %s
                contexts:
                  - name: fake
                    context:
                      cluster: fake
                      user: fake
                current-context: fake
                users:
                  - name: fake
                    user:
                      token: not-a-real-token
                """.formatted(url());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a Secret exist, with the given plain-text values. */
    void putSecret(String namespace, String name, Map<String, String> plain) {
        Map<String, String> data = plain.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8))));
        secrets.put(namespace + "/" + name, data);
    }

    void clear() {
        secrets.clear();
        requests.clear();
    }

    List<String> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        try (exchange) {
            if (!"GET".equals(method)) {
                send(exchange, 405, status(405, "MethodNotAllowed", "the fake API server only reads"));
                return;
            }
            if ("/api/v1".equals(path)) {
                send(exchange, 200, """
                        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
                          {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]},
                          {"name":"configmaps","singularName":"configmap","namespaced":true,"kind":"ConfigMap","verbs":["get","list"]}]}
                        """);
                return;
            }
            Matcher m = SECRET_PATH.matcher(path);
            if (m.matches() && secrets.containsKey(m.group(1) + "/" + m.group(2))) {
                String data = secrets.get(m.group(1) + "/" + m.group(2)).entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                        .collect(Collectors.joining(","));
                send(exchange, 200, """
                        {"kind":"Secret","apiVersion":"v1","metadata":{"name":"%s","namespace":"%s"},"type":"Opaque","data":{%s}}
                        """.formatted(m.group(2), m.group(1), data));
                return;
            }
            send(exchange, 404, status(404, "NotFound", "not found: " + path));
        }
    }

    private static String status(int code, String reason, String message) {
        return """
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"%s","reason":"%s","code":%d}
                """.formatted(message.replace("\"", "'"), reason, code);
    }

    private static void send(HttpExchange exchange, int code, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, body.length);
        exchange.getResponseBody().write(body);
    }
}
