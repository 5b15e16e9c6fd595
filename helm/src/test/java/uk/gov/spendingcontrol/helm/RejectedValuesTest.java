package uk.gov.spendingcontrol.helm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** values.schema.json and the templates' own checks reject wrong values with a message that names them. */
class RejectedValuesTest {

    @BeforeEach
    void clear() {
        Chart.API.clear();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            components.budget.replicaCount           | two              | /components/budget/replicaCount
            components.budget.replicas               | 2                | additional properties 'replicas' not allowed
            components.gateway.enabled               | yes              | /components/gateway/enabled
            components.search.enabled                | true             | additional properties 'search' not allowed
            unknownTopLevelValue                     | 1                | additional properties 'unknownTopLevelValue' not allowed
            global.imageTag                          | latest           | /global/imageTag
            components.budget.image.tag              | latest           | /components/budget/image/tag
            postgresql.image.tag                     | latest           | /postgresql/image/tag
            global.imagePullPolicy                   | Sometimes        | /global/imagePullPolicy
            keycloak.publicUrl                       | identity.example | /keycloak/publicUrl
            oidc.issuer                              | not a url        | /oidc/issuer
            postgresql.external.port                 | 70000            | /postgresql/external/port
            components.budget.database.username      | Budget;DROP      | /components/budget/database/username
            components.budget.database.existingSecret| Not_A_Name       | /components/budget/database/existingSecret
            components.budget.resources.limits.cpu   | lots             | /components/budget/resources/limits/cpu
            autoscaling.targetCPUUtilizationPercentage | 150            | /autoscaling/targetCPUUtilizationPercentage
            ingress.hosts[0].paths[0].pathType       | Regex            | /ingress/hosts/0/paths/0/pathType
            createSecrets                            | sometimes        | /createSecrets
            ingress.maxBodySize                      | lots             | /ingress/maxBodySize
            rollout.maxUnavailable                   | none             | /rollout/maxUnavailable
            rollout.preStopSleepSeconds              | -1               | /rollout/preStopSleepSeconds
            keycloak.image.tag                       | latest           | /keycloak/image/tag
            tests.calls.budget                       | departments      | /tests/calls/budget
            postgresql.cloudnativepg.pooler.poolMode | statement        | /postgresql/cloudnativepg/pooler/poolMode
            metrics.prometheusRule.errorRateThreshold | 2               | /metrics/prometheusRule/errorRateThreshold
            """)
    void schemaRejects(String key, String value, String expected) {
        String message = Chart.renderError(List.of(), Map.of(key, value));
        assertTrue(message.contains("values don't meet the specifications of the schema"), message);
        assertTrue(message.contains(expected), () -> "expected '" + expected + "' in: " + message);
    }

    @Test
    void resourcesWithoutLimitsAreRejected() {
        String message = Chart.renderError(List.of(), Map.of("components.budget.resources.limits", "null"));
        assertTrue(message.contains("/components/budget/resources"), message);
    }

    @Test
    void productionValuesNeedEveryExistingSecret() {
        String message = Chart.renderError(List.of(Chart.PRODUCTION_VALUES), Map.of("components.budget.database.existingSecret", ""));
        assertTrue(message.contains("components.budget.database.existingSecret must name an existing Secret when createSecrets is false"), message);
    }

    @Test
    void productionValuesNeedTheSmokeTestClientsSecret() {
        String message = Chart.renderError(List.of(Chart.PRODUCTION_VALUES), Map.of("tests.client.existingSecret", ""));
        assertTrue(message.contains("tests.client.existingSecret must name an existing Secret when createSecrets is false"), message);
    }

    @Test
    void anExternalDatabaseNeedsAHost() {
        String message = Chart.renderError(List.of(), Map.of("postgresql.enabled", "false"));
        assertTrue(message.contains("postgresql.external.host is required when postgresql.enabled and postgresql.cloudnativepg.enabled are false"), message);
    }

    @Test
    void theInChartPostgresqlNeedsItsSuperuserSecretWithoutCreateSecrets() {
        String message = Chart.renderError(List.of(), Map.of("createSecrets", "false",
                "components.budget.database.existingSecret", "a", "components.outcome-delivery-plan.database.existingSecret", "b",
                "components.delegation-rules.database.existingSecret", "c", "components.reporting.database.existingSecret", "d",
                "keycloak.admin.existingSecret", "e", "keycloak.database.existingSecret", "f", "tests.client.existingSecret", "g"));
        assertTrue(message.contains("postgresql.auth.existingSecret must name an existing Secret"), message);
    }
}
