package uk.gov.spendingcontrol.helm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.helm.Chart.fullname;
import static uk.gov.spendingcontrol.helm.Manifests.envValue;
import static uk.gov.spendingcontrol.helm.Manifests.onlyContainer;

/** postgresql.cloudnativepg: a CloudNativePG Cluster with the per-service roles and schemas, a Pooler and backups. */
class CloudNativePgTest {

    static final Map<String, String> CNPG = Map.of("postgresql.enabled", "false", "postgresql.cloudnativepg.enabled", "true");

    @BeforeEach
    void clear() {
        Chart.API.clear();
    }

    private static Manifests render(Map<String, String> more) {
        Map<String, String> sets = new HashMap<>(CNPG);
        sets.putAll(more);
        return Chart.render(sets);
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(GenericKubernetesResource r, String... path) {
        Object node = r.getAdditionalProperties();
        for (String p : path) {
            node = ((Map<String, Object>) node).get(p);
        }
        return (T) node;
    }

    @Test
    void aReplicatedClusterWithARoleAndSchemaPerServiceAndKeycloak() {
        Manifests m = render(Map.of());
        assertTrue(m.all(StatefulSet.class).isEmpty(), "no in-chart PostgreSQL");
        GenericKubernetesResource cluster = m.get(GenericKubernetesResource.class, fullname("db"));
        assertEquals("Cluster", cluster.getKind());
        assertEquals("postgresql.cnpg.io/v1", cluster.getApiVersion());
        Checks.recommendedLabels(cluster);
        assertEquals(3, (Integer) at(cluster, "spec", "instances"));
        assertEquals("switchover", at(cluster, "spec", "primaryUpdateMethod"));
        assertEquals("spending_control", at(cluster, "spec", "bootstrap", "initdb", "database"));

        List<String> sql = at(cluster, "spec", "bootstrap", "initdb", "postInitApplicationSQL");
        assertTrue(sql.contains("REVOKE ALL ON SCHEMA public FROM PUBLIC"), sql.toString());
        List<Map<String, Object>> managed = at(cluster, "spec", "managed", "roles");
        List<String> roles = new ArrayList<>();
        for (Map<String, Object> role : managed) {
            String name = (String) role.get("name");
            roles.add(name);
            assertEquals(Boolean.TRUE, role.get("login"), name);
            // the operator keeps the role's password equal to the Secret's, which the service reads too
            String secret = (String) ((Map<String, Object>) role.get("passwordSecret")).get("name");
            Secret s = m.get(Secret.class, secret);
            assertEquals("kubernetes.io/basic-auth", s.getType(), secret);
            assertEquals(name, new String(java.util.Base64.getDecoder().decode(s.getData().get("username"))), secret);
            assertTrue(s.getData().containsKey("password"), secret);
        }
        assertEquals(List.of("budget_svc", "delegation_svc", "odp_svc", "reporting_svc", "keycloak"), roles);
        for (String[] rs : List.of(new String[] {"budget_svc", "budget"}, new String[] {"odp_svc", "odp"},
                new String[] {"delegation_svc", "delegation"}, new String[] {"reporting_svc", "reporting"}, new String[] {"keycloak", "keycloak"})) {
            assertTrue(sql.contains("CREATE ROLE " + rs[0] + " NOLOGIN"), rs[0]);
            assertTrue(sql.contains("CREATE SCHEMA " + rs[1] + " AUTHORIZATION " + rs[0]), rs[1]);
            assertTrue(sql.contains("ALTER ROLE " + rs[0] + " SET search_path TO " + rs[1]), rs[1]);
        }
    }

    @Test
    void theServicesAndKeycloakConnectThroughThePoolerWithTls() {
        Manifests m = render(Map.of());
        GenericKubernetesResource pooler = m.get(GenericKubernetesResource.class, fullname("db") + "-pooler-rw");
        assertEquals("Pooler", pooler.getKind());
        assertEquals(fullname("db"), at(pooler, "spec", "cluster", "name"));
        assertEquals("rw", at(pooler, "spec", "type"));
        assertEquals("session", at(pooler, "spec", "pgbouncer", "poolMode"), "Flyway's advisory lock needs session pooling");
        String url = "jdbc:postgresql://" + fullname("db") + "-pooler-rw:5432/spending_control?sslmode=require";
        for (String service : Chart.SERVICES) {
            assertEquals(url, envValue(onlyContainer(m.get(Deployment.class, fullname(service))), "QUARKUS_DATASOURCE_JDBC_URL"));
        }
        assertEquals(url, envValue(m.get(Deployment.class, fullname("keycloak")).getSpec().getTemplate().getSpec().getContainers().get(0), "KC_DB_URL"));
        // without the pooler, straight to the primary's Service
        Chart.API.clear();
        Manifests direct = render(Map.of("postgresql.cloudnativepg.pooler.enabled", "false"));
        assertEquals("jdbc:postgresql://" + fullname("db") + "-rw:5432/spending_control?sslmode=require",
                envValue(onlyContainer(direct.get(Deployment.class, fullname("budget"))), "QUARKUS_DATASOURCE_JDBC_URL"));
    }

    @Test
    void backupsToObjectStorageWithADailyScheduledBackup() {
        Manifests none = render(Map.of());
        assertTrue(none.all(GenericKubernetesResource.class).stream().noneMatch(r -> r.getKind().equals("ScheduledBackup")));
        Chart.API.clear();
        Manifests m = render(Map.of("postgresql.cloudnativepg.backup.enabled", "true",
                "postgresql.cloudnativepg.backup.destinationPath", "s3://backups/spending-control",
                "postgresql.cloudnativepg.backup.s3Credentials.existingSecret", "backup-credentials"));
        GenericKubernetesResource cluster = m.get(GenericKubernetesResource.class, fullname("db"));
        assertEquals("30d", at(cluster, "spec", "backup", "retentionPolicy"));
        assertEquals("s3://backups/spending-control", at(cluster, "spec", "backup", "barmanObjectStore", "destinationPath"));
        assertEquals("backup-credentials", at(cluster, "spec", "backup", "barmanObjectStore", "s3Credentials", "accessKeyId", "name"));
        GenericKubernetesResource scheduled = m.get(GenericKubernetesResource.class, fullname("db") + "-daily");
        assertEquals("ScheduledBackup", scheduled.getKind());
        assertEquals(fullname("db"), at(scheduled, "spec", "cluster", "name"));
        assertEquals("0 0 2 * * *", at(scheduled, "spec", "schedule"));
    }

    @Test
    void misconfigurationsAreRejected() {
        String both = Chart.renderError(List.of(), Map.of("postgresql.cloudnativepg.enabled", "true"));
        assertTrue(both.contains("postgresql.enabled and postgresql.cloudnativepg.enabled are exclusive"), both);
        Chart.API.clear();
        Map<String, String> noPath = new HashMap<>(CNPG);
        noPath.put("postgresql.cloudnativepg.backup.enabled", "true");
        String message = Chart.renderError(List.of(), noPath);
        assertTrue(message.contains("postgresql.cloudnativepg.backup.destinationPath is required"), message);
        Chart.API.clear();
        Map<String, String> wrongKey = new HashMap<>(CNPG);
        wrongKey.put("components.budget.database.passwordKey", "pw");
        message = Chart.renderError(List.of(), wrongKey);
        assertTrue(message.contains("components.budget.database.passwordKey must be 'password' with CloudNativePG"), message);
    }
}
