package uk.gov.spendingcontrol.reporting.feeds;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The reporting service's own access token (client credentials of the realm's client {@code reporting-service},
 * role feed-reader), never a user's. Fetched when first needed and again shortly before it expires, or after a
 * source refused it.
 */
@ApplicationScoped
public class FeedToken {

    private static final long EARLY_SECONDS = 30;

    private final OidcClient client;
    private Tokens tokens;

    public FeedToken(OidcClient client) {
        this.client = client;
    }

    public synchronized String get() {
        if (tokens == null || expiresSoon(tokens)) {
            tokens = client.getTokens().await().atMost(Duration.ofSeconds(10));
        }
        return tokens.getAccessToken();
    }

    /** Forgets the token (a source answered 401): the next call fetches a new one. */
    public synchronized void invalidate() {
        tokens = null;
    }

    private static boolean expiresSoon(Tokens t) {
        Long at = t.getAccessTokenExpiresAt();
        return at != null && at - EARLY_SECONDS <= System.currentTimeMillis() / 1000;
    }
}
