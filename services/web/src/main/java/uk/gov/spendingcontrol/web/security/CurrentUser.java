package uk.gov.spendingcontrol.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.gov.spendingcontrol.common.security.Roles;

/**
 * The signed-in user as the pages need them: name, department (from the token, never from the URL or a form) and the
 * user group their roles put them in. Templates read it as {@code {inject:user}}.
 */
@RequestScoped
@Named("user")
public class CurrentUser {

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isSignedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public String getName() {
        if (!isSignedIn()) {
            return "";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object name = jwt.getClaim("name");
            if (name != null && !name.toString().isBlank()) {
                return name.toString();
            }
            Object username = jwt.getClaim("preferred_username");
            if (username != null) {
                return username.toString();
            }
        }
        return identity.getPrincipal().getName();
    }

    /** The department code of a department user, or null for central users. */
    public String getDepartment() {
        if (!isSignedIn() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object department = jwt.getClaim("department");
        return department == null || department.toString().isBlank() ? null : department.toString();
    }

    public boolean has(String role) {
        return isSignedIn() && identity.hasRole(role);
    }

    public boolean isDepartmentUser() {
        return getDepartment() != null && (has(Roles.DEPARTMENT_READER) || has(Roles.DEPARTMENT_EDITOR));
    }

    public boolean isDepartmentEditor() {
        return getDepartment() != null && has(Roles.DEPARTMENT_EDITOR);
    }

    public boolean isTreasury() {
        return has(Roles.TREASURY_SPENDING) || has(Roles.TREASURY_APPROVER);
    }

    public boolean isCabinetOffice() {
        return has(Roles.CABINET_OFFICE_ADMIN);
    }

    public Set<String> getRoles() {
        return isSignedIn() ? identity.getRoles() : Set.of();
    }

    /** Where this user starts. */
    public String getHome() {
        if (isDepartmentUser()) {
            return "/department";
        }
        if (isTreasury()) {
            return "/treasury";
        }
        if (isCabinetOffice()) {
            return "/cabinet-office";
        }
        return "/";
    }
}
