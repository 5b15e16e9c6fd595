package uk.gov.spendingcontrol.reporting.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads one page of a source's change feed over HTTP, with the service's own token. */
@ApplicationScoped
public class FeedClient {

    /** A page as the source served it: the events, where to read on, and the newest position there is. */
    public record Page(JsonNode events, long lastPosition, long headPosition) {
    }

    /** The source could not be read (down, an error status, a refused token). */
    public static class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper mapper;
    private final FeedToken token;

    public FeedClient(ObjectMapper mapper, FeedToken token) {
        this.mapper = mapper;
        this.token = token;
    }

    public Page read(String baseUrl, String source, long after, int limit) throws Unavailable {
        URI uri = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/change-feeds/" + source + "?after=" + after
                + "&limit=" + limit);
        HttpResponse<InputStream> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token.get()).header("Accept", "application/json").GET().build();
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new Unavailable(source + " could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        } catch (RuntimeException e) {
            throw new Unavailable("no token for the reporting service: " + e.getMessage());
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                token.invalidate();
            }
            if (response.statusCode() != 200) {
                throw new Unavailable(source + " answered " + response.statusCode());
            }
            JsonNode page = mapper.readTree(body);
            return new Page(page.path("events"), page.path("lastPosition").asLong(), page.path("headPosition").asLong());
        } catch (IOException e) {
            throw new Unavailable(source + " sent an unreadable page: " + e.getClass().getSimpleName());
        }
    }
}
