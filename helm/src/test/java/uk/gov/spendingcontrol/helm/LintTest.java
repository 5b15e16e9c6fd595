package uk.gov.spendingcontrol.helm;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** helm lint --strict: warnings fail. */
class LintTest {

    @Test
    void defaultValuesPassStrictLint() {
        LintResult result = Chart.lintStrict(Chart.DIR);
        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
        onlyInfo(result);
    }

    /** helm-java's lint takes no values file: lint a copy of the chart whose values.yaml has the production values merged in. */
    @Test
    void productionValuesPassStrictLint(@TempDir Path tmp) {
        Path copy = Chart.copy(tmp.resolve("spending-control"));
        Chart.mergeValuesInto(copy, Chart.PRODUCTION_VALUES);
        LintResult result = Chart.lintStrict(copy);
        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
        onlyInfo(result);
    }

    @Test
    void aBrokenTemplateFailsLint(@TempDir Path tmp) throws Exception {
        Path copy = Chart.copy(tmp.resolve("spending-control"));
        java.nio.file.Files.writeString(copy.resolve("templates/broken.yaml"), "{{ .Values.components.gateway.nope.deeper }}\n");
        LintResult result = Chart.lintStrict(copy);
        assertTrue(result.isFailed(), "lint should fail on a broken template");
    }

    private static void onlyInfo(LintResult result) {
        for (String message : result.getMessages()) {
            assertTrue(message.startsWith("[INFO]") || message.contains("1 chart(s) linted, 0 chart(s) failed") || message.isBlank(),
                    () -> "lint message: " + message);
        }
    }
}
