package uk.gov.spendingcontrol.helm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NOTES.txt, rendered by a client-only dry run of helm install. */
class NotesTest {

    @Test
    void demoNotesExplainPortForwardTokensHealthAndWarn() {
        String out = Chart.installDryRunOutput(List.of(), Map.of());
        String notes = out.substring(out.indexOf("NOTES:"));
        assertTrue(notes.contains("port-forward svc/demo-gateway 8080:8080"), notes);
        assertTrue(notes.contains("port-forward svc/demo-keycloak 8180:8080"), notes);
        assertTrue(notes.contains("http://localhost:8180/realms/spending-control/protocol/openid-connect/token"), notes);
        assertTrue(notes.contains("helm test demo"), notes);
        assertTrue(notes.contains("WARNING: createSecrets is true"), notes);
        assertFalse(notes.contains("LOCAL-DEVELOPMENT"), "no demo realm by default: " + notes);
    }

    @Test
    void demoDataNotesWarnAboutTheDemoRealm() {
        String out = Chart.installDryRunOutput(List.of(), Map.of("demoData", "true"));
        String notes = out.substring(out.indexOf("NOTES:"));
        assertTrue(notes.contains("LOCAL-DEVELOPMENT ones"), notes);
        assertTrue(notes.contains("dhsc-finance-system"), notes);
    }

    @Test
    void productionNotesPointAtTheIngressAndCarryNoDemoWarning() {
        String out = Chart.installDryRunOutput(List.of(Chart.PRODUCTION_VALUES), Map.of());
        String notes = out.substring(out.indexOf("NOTES:"));
        assertTrue(notes.contains("https://spending-control.example.gov.uk/"), notes);
        assertTrue(notes.contains("https://identity.example.gov.uk/realms/spending-control/protocol/openid-connect/token"), notes);
        assertFalse(notes.contains("WARNING"), notes);
        assertFalse(notes.contains("port-forward"), notes);
    }
}
