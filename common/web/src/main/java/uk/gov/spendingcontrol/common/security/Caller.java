package uk.gov.spendingcontrol.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.gov.spendingcontrol.common.problem.ProblemException;

/**
 * Who is calling: their name, roles and department, all taken from the validated access token. The department never
 * comes from the request body or URL.
 */
@RequestScoped
public class Caller {

    /** The access-token claim that names the caller's department (a code such as {@code DHSC}). */
    public static final String DEPARTMENT_CLAIM = "department";

    private static final Set<String> CENTRAL = Set.of(Roles.TREASURY_SPENDING, Roles.TREASURY_APPROVER,
            Roles.CABINET_OFFICE_ADMIN);

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The caller's department code, if the token carries one. */
    public Optional<String> department() {
        Object claim = token.getClaim(DEPARTMENT_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        String value = claim.toString().replace("\"", "").trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value.toUpperCase(java.util.Locale.ROOT));
    }

    /** The caller's department, or a 403 problem when the token has none (e.g. a central user writing dept data). */
    public String requireDepartment() {
        return department().orElseThrow(() -> ProblemException.forbidden(
                "Your token carries no '" + DEPARTMENT_CLAIM + "' claim, so you cannot act for a department"));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Treasury and Cabinet Office roles read every department. */
    public boolean isCentral() {
        return CENTRAL.stream().anyMatch(identity::hasRole);
    }

    /** Whether the caller may read the (unpublished) data of this department. */
    public boolean mayRead(String departmentCode) {
        return isCentral() || department().map(d -> d.equalsIgnoreCase(departmentCode)).orElse(false);
    }

    /**
     * The department filter a caller may use on a list: central roles any department or none ({@code null}); a
     * department its own only, whatever it asked for being another department answers 404, as if it did not exist.
     */
    public String departmentScope(String requested) {
        String wanted = requested == null || requested.isBlank() ? null : requested.toUpperCase(java.util.Locale.ROOT);
        if (isCentral()) {
            return wanted;
        }
        String own = requireDepartment();
        if (wanted != null && !wanted.equals(own)) {
            throw ProblemException.notFound("Department", requested);
        }
        return own;
    }

    /** The name recorded against changes: the user name, or the client id for machine clients. */
    public String name() {
        for (String claim : new String[] {"client_id", "preferred_username", "azp"}) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().replace("\"", "");
            }
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
