package uk.gov.spendingcontrol.web.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers on every answer: a Content-Security-Policy without inline script or style (scripts and styles are static
 * files of this service), no framing, no referrer beyond the origin, no sniffing; pages are never cached (they hold a
 * user's data), static files are cached for a day. {@code Server-Timing} says how long the page took here. The identity provider's origin is allowed as a form target (sign-in
 * and sign-out forms post or redirect there).
 */
@Singleton
public class SecurityHeaders {

    private final String csp;

    SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String oidcUrl) {
        URI uri = URI.create(oidcUrl);
        String idp = uri.getScheme() + "://" + uri.getRawAuthority();
        this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self' " + idp;
    }

    public String contentSecurityPolicy() {
        return csp;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            long start = System.nanoTime();
            rc.addHeadersEndHandler(ignored -> {
                var headers = rc.response().headers();
                // the page's time in this service, calls to the other services included (browsers' developer tools show it)
                headers.set("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.1f",
                        (System.nanoTime() - start) / 1_000_000.0));
                headers.set("Content-Security-Policy", csp);
                headers.set("X-Frame-Options", "DENY");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
                if (isStatic(path) && rc.response().getStatusCode() == 200) {
                    headers.set("Cache-Control", "public, max-age=86400");
                } else {
                    headers.set("Cache-Control", "no-store");
                }
            });
            rc.next();
        }, 9_000);
    }

    static boolean isStatic(String path) {
        return path.startsWith("/webjars/") || path.startsWith("/assets/") || path.startsWith("/static/");
    }
}
