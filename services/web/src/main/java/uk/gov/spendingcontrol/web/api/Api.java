package uk.gov.spendingcontrol.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Calls the owning services' APIs as the signed-in user (the access token from the session, never shown to the page)
 * or anonymously for published data. Every answer of 400 or more becomes an {@link ApiProblem}; a service that cannot
 * be reached becomes a 503 problem. The request id of the page is passed on, so that one id follows a page through
 * every service's log.
 */
@ApplicationScoped
public class Api {

    private static final Logger LOG = Logger.getLogger(Api.class);

    private final ApiConfig config;
    private final ObjectMapper json;
    private final SecurityIdentity identity;
    private final HttpClient http;

    Api(ApiConfig config, ObjectMapper json, SecurityIdentity identity) {
        this.config = config;
        this.json = json;
        this.identity = identity;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** GET as the signed-in user. */
    public JsonNode get(String service, String path, Map<String, ?> query) {
        return send(service, "GET", path, query, null, null, Map.of()).body();
    }

    /** GET with a token taken earlier from the session (for a live stream, which outlives its request). */
    public Answer getWithToken(String token, String service, String path, Map<String, ?> query) {
        return send(service, "GET", path, query, null, null, Map.of(), token);
    }

    /** The signed-in user's access token, for {@link #getWithToken}; never sent to the browser. */
    public String currentToken() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new ApiProblem(401, json.createObjectNode(), "Not signed in");
        }
        return token.getToken();
    }

    public JsonNode get(String service, String path) {
        return get(service, path, Map.of());
    }

    /** GET without a token: published data. */
    public JsonNode getAnonymous(String service, String path, Map<String, ?> query) {
        return send(service, "GET", path, query, null, null, Map.of(), null).body();
    }

    /** POST as the signed-in user. */
    public Answer post(String service, String path, Map<String, ?> query, String contentType, byte[] body,
            Map<String, String> headers) {
        return send(service, "POST", path, query, contentType, body, headers);
    }

    /** POST of a JSON body as the signed-in user. */
    public Answer postJson(String service, String path, Object body, Map<String, String> headers) {
        try {
            return post(service, path, Map.of(), "application/json", json.writeValueAsBytes(body), headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, headers that matter, JSON body (an empty object when there was none). */
    public record Answer(int status, String etag, JsonNode body) {
    }

    private Answer send(String service, String method, String path, Map<String, ?> query, String contentType,
            byte[] body, Map<String, String> headers) {
        return send(service, method, path, query, contentType, body, headers, currentToken());
    }

    private Answer send(String service, String method, String path, Map<String, ?> query, String contentType,
            byte[] body, Map<String, String> headers, String token) {
        ApiConfig.Service target = config.services().get(service);
        if (target == null) {
            throw new IllegalStateException("web.services." + service + ".url is not configured");
        }
        URI uri = URI.create(strip(target.url()) + path + queryString(query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Accept", "application/json, application/problem+json");
        Object requestId = MDC.get("requestId");
        if (requestId != null) {
            request.header("X-Request-Id", requestId.toString());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.warnv("{0} is unavailable: {1}", service, e.toString());
            throw new ApiProblem(503, json.createObjectNode(), "The " + service + " service is unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, json.createObjectNode(), "Interrupted");
        }
        JsonNode parsed = parse(response.body());
        int status = response.statusCode();
        if (status >= 400) {
            if (status >= 500) {
                LOG.warnv("{0} answered {1} to {2} {3}", service, status, method, path);
            }
            throw new ApiProblem(status, parsed, service + " answered " + status);
        }
        return new Answer(status, response.headers().firstValue("ETag").orElse(null), parsed);
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String strip(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static String queryString(Map<String, ?> query) {
        Map<String, ?> q = query == null ? Map.of() : new LinkedHashMap<>(query);
        StringJoiner joiner = new StringJoiner("&", "?", "");
        joiner.setEmptyValue("");
        q.forEach((k, v) -> {
            if (v != null && !v.toString().isEmpty()) {
                joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return joiner.toString();
    }

    /** Encodes one path segment. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
