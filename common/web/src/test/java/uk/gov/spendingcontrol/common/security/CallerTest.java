package uk.gov.spendingcontrol.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.common.problem.ProblemException;

/** The caller's department and scope, from a fake identity and token (no server, no OIDC). */
class CallerTest {

    static Caller caller(Map<String, Object> claims, String... roles) {
        String name = (String) claims.getOrDefault("preferred_username", "someone");
        QuarkusSecurityIdentity identity = QuarkusSecurityIdentity.builder().setPrincipal(() -> name)
                .addRoles(Set.of(roles)).build();
        JsonWebToken token = new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return (T) claims.get(claim);
            }
        };
        return new Caller(identity, token);
    }

    static Caller departmentUser(String department, String... roles) {
        return caller(Map.of("department", department, "preferred_username", "user"), roles);
    }

    @Test
    void aDepartmentUserIsScopedToItsOwnDepartment() {
        Caller dfe = departmentUser("dfe", Roles.DEPARTMENT_READER);
        assertEquals(Optional.of("DFE"), dfe.department());
        assertFalse(dfe.isCentral());
        assertEquals("DFE", dfe.departmentScope(null));
        assertEquals("DFE", dfe.departmentScope(""));
        assertEquals("DFE", dfe.departmentScope("dfe"));
        assertTrue(dfe.mayRead("DFE"));
        assertFalse(dfe.mayRead("DHSC"));
    }

    @Test
    void anotherDepartmentIsNotFoundAsIfItDidNotExist() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> departmentUser("DFE", Roles.DEPARTMENT_EDITOR).departmentScope("DHSC"));
        assertEquals(404, e.status());
        assertEquals("Department 'DHSC' was not found", e.problem().detail());
    }

    @Test
    void centralRolesSeeEveryDepartmentOrTheOneTheyName() {
        for (String role : new String[] {Roles.TREASURY_SPENDING, Roles.TREASURY_APPROVER, Roles.CABINET_OFFICE_ADMIN}) {
            Caller central = caller(Map.of("preferred_username", "hmt"), role);
            assertTrue(central.isCentral(), role);
            assertNull(central.departmentScope(null));
            assertNull(central.departmentScope(" "));
            assertEquals("DHSC", central.departmentScope("dhsc"));
            assertTrue(central.mayRead("DHSC"));
        }
    }

    @Test
    void aDepartmentRoleWithoutADepartmentClaimIsForbiddenNotEverything() {
        Caller noClaim = caller(Map.of("preferred_username", "odd"), Roles.DEPARTMENT_READER);
        assertEquals(Optional.empty(), noClaim.department());
        ProblemException e = assertThrows(ProblemException.class, () -> noClaim.departmentScope(null));
        assertEquals(403, e.status());
        assertFalse(noClaim.mayRead("DFE"));
        Caller blank = caller(Map.of("department", " ", "preferred_username", "odd"), Roles.DEPARTMENT_READER);
        assertEquals(Optional.empty(), blank.department());
    }

    @Test
    void aPlatformOperatorIsNotCentral() {
        Caller ops = caller(Map.of("preferred_username", "ops"), Roles.PLATFORM_OPERATOR);
        assertFalse(ops.isCentral());
        assertEquals(403, assertThrows(ProblemException.class, () -> ops.departmentScope("DFE")).status());
    }

    @Test
    void theNameIsTheClientIdForMachinesElseTheUserName() {
        assertEquals("moj-ledger", caller(Map.of("client_id", "moj-ledger", "preferred_username", "service-account"),
                Roles.DEPARTMENT_SYSTEM).name());
        assertEquals("user", departmentUser("DFE", Roles.DEPARTMENT_READER).name());
    }
}
