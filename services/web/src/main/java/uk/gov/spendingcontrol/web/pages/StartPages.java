package uk.gov.spendingcontrol.web.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import uk.gov.spendingcontrol.web.security.CurrentUser;

/** The start page, sign-in, sign-out and the accessibility statement. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StartPages {

    private final Template start;
    private final Template signedOut;
    private final Template accessibility;
    private final CurrentUser user;

    StartPages(@Location("start.html") Template start, @Location("signed-out.html") Template signedOut,
            @Location("accessibility.html") Template accessibility, CurrentUser user) {
        this.start = start;
        this.signedOut = signedOut;
        this.accessibility = accessibility;
        this.user = user;
    }

    @GET
    @PermitAll
    public TemplateInstance start() {
        return start.instance();
    }

    /** Signing in happens on the way here (authorization code flow); then each user goes to their start page. */
    @GET
    @Path("sign-in")
    @Authenticated
    public Response signIn() {
        return Response.seeOther(URI.create(user.getHome())).build();
    }

    /** A form post (CSRF-checked), then the OIDC logout, which ends the Keycloak session too. */
    @POST
    @Path("sign-out")
    @PermitAll
    public Response signOut() {
        return Response.seeOther(URI.create(user.isSignedIn() ? "/sign-out/end" : "/signed-out")).build();
    }

    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }

    @GET
    @Path("accessibility")
    @PermitAll
    public TemplateInstance accessibility() {
        return accessibility.instance();
    }
}
