package uk.gov.spendingcontrol.web.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CSRF protection for every form: a signed double-submit token. Each browser gets a random value in the cookie
 * {@code sc-csrf} (HttpOnly, SameSite=Strict, Secure behind TLS); every form carries the HMAC of that value under the
 * server's secret in the field {@code csrf}. A POST whose field does not match its cookie is refused with a 403 page
 * before any service is called ({@link CsrfFilter}). A site that can plant a cookie still cannot forge the field
 * without the secret, and a cross-site form cannot read either.
 */
@Singleton
public class CsrfProtection {

    public static final String COOKIE = "sc-csrf";
    public static final String FIELD = "csrf";
    private static final String CONTEXT_KEY = "sc-csrf-value";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    CsrfProtection(@ConfigProperty(name = "web.csrf.secret") String secret) {
        if (secret.length() < 32) {
            throw new IllegalStateException("web.csrf.secret must be at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The browser's CSRF value: from its cookie, or a new one set on this response. */
    String browserValue(RoutingContext rc) {
        String value = rc.get(CONTEXT_KEY);
        if (value != null) {
            return value;
        }
        Cookie cookie = rc.request().getCookie(COOKIE);
        value = cookie == null ? null : cookie.getValue();
        if (value == null || !value.matches("[A-Za-z0-9_-]{43}")) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            rc.response().addCookie(Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure("https".equals(rc.request().scheme())));
        }
        rc.put(CONTEXT_KEY, value);
        return value;
    }

    /** The value a form must carry. */
    public String formToken(RoutingContext rc) {
        return sign(browserValue(rc));
    }

    /** The value a form must carry for a browser whose cookie holds this value. */
    String formTokenFor(String cookieValue) {
        return sign(cookieValue);
    }

    /** Whether a submitted form token belongs to the browser that sent it. */
    public boolean verify(RoutingContext rc, String submitted) {
        Cookie cookie = rc.request().getCookie(COOKIE);
        if (cookie == null || submitted == null || submitted.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sign(cookie.getValue()).getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
