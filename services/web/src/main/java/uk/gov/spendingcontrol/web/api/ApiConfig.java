package uk.gov.spendingcontrol.web.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * The web service's settings ({@code web.*}). Where the owning services are ({@code web.services.<name>.url}, e.g. {@code WEB_SERVICES_BUDGET_URL}). The web
 * service calls them directly, with the signed-in user's access token (each service checks it itself), not through
 * the gateway: a page is one hop shorter, and the gateway's per-address limits for anonymous callers are not shared by
 * every visitor of the public pages.
 */
@ConfigMapping(prefix = "web")
public interface ApiConfig {

    /** Base URL of each service by name: budget, outcome-delivery-plan, delegation-rules, reporting. */
    Map<String, Service> services();

    /** Time allowed for one call to a service. Beyond it, the page is a 503 error page. */
    @WithDefault("10s")
    Duration timeout();

    /**
     * The secret that encrypts the session cookie and the PKCE state and signs the CSRF tokens (WEB_SESSION_SECRET, at
     * least 32 characters). The default is for local development only.
     */
    String sessionSecret();

    /** CSRF protection. */
    CsrfSettings csrf();

    /** CSRF protection: its secret (the session secret unless set apart). */
    interface CsrfSettings {
        String secret();
    }

    /** One service. */
    interface Service {
        String url();
    }
}
