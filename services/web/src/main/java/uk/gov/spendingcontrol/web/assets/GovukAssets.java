package uk.gov.spendingcontrol.web.assets;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * GOV.UK Frontend's precompiled CSS loads its fonts and images from {@code /assets/...}: those paths are served from
 * the web jar ({@code /webjars/govuk-frontend/dist/govuk/assets/...}, version-less through the web dependency locator).
 */
@Singleton
public class GovukAssets {

    static final String PREFIX = "/assets/";
    static final String TARGET = "/webjars/govuk-frontend/dist/govuk/assets/";

    void routes(@Observes Router router) {
        router.get(PREFIX + "*").handler(rc -> {
            String rest = rc.normalizedPath().substring(PREFIX.length());
            if (rest.contains("..")) {
                rc.next();
                return;
            }
            rc.reroute(TARGET + rest);
        });
    }
}
