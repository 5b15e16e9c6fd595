package uk.gov.spendingcontrol.web.security;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The CSRF token of the current request, for forms: {@code <input type="hidden" name="csrf" value="{inject:csrf.token}">}.
 * See {@link CsrfProtection}.
 */
@RequestScoped
@Named("csrf")
public class Csrf {

    private final CurrentVertxRequest request;
    private final CsrfProtection protection;

    Csrf(CurrentVertxRequest request, CsrfProtection protection) {
        this.request = request;
        this.protection = protection;
    }

    public String getToken() {
        RoutingContext rc = request.getCurrent();
        return protection.formToken(rc);
    }

    public String getField() {
        return CsrfProtection.FIELD;
    }
}
