package uk.gov.spendingcontrol.delegation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static uk.gov.spendingcontrol.delegation.Api.eventsOf;
import static uk.gov.spendingcontrol.delegation.Api.versionsOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.common.feed.ChangeEvent;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;

/** The demo migration (loaded in tests) gives DHSC, DFE and DEFRA a first version, once, with its change-feed event. */
@QuarkusTest
class DemoDataTest {

    @Inject
    DataSource dataSource;

    @Inject
    ChangeFeed events;

    @Inject
    ObjectMapper json;

    @Test
    void theDemoMigrationIsIdempotentAndWritesTheOutboxLikeTheService() throws Exception {
        for (String dept : List.of("DHSC", "DFE", "DEFRA")) {
            assertEquals(List.of(1), versionsOf(dept), dept);
            assertEquals(1, eventsOf(events, dept).size(), dept);
        }
        // run it again, as Flyway would after an edit: it adds nothing
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/demo/R__demo_delegations.sql")) {
            assertNotNull(in);
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${demo}", "true");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO delegation");
            s.execute(sql);
            s.execute("RESET search_path");
        }
        for (String dept : List.of("DHSC", "DFE", "DEFRA")) {
            assertEquals(List.of(1), versionsOf(dept), dept);
            assertEquals(1, eventsOf(events, dept).size(), dept);
        }

        // the demo event has the shape of the API's delegation, with the same figures
        ChangeEvent event = eventsOf(events, "DHSC").get(0);
        assertEquals("DelegationVersionCreated", event.type());
        assertEquals(List.of("DHSC"), event.departments());
        assertEquals("demo-data", event.recordedBy());
        JsonNode payload = event.payload();
        JsonNode api = json.readTree(Api.as(Api.HMT).when().get("/api/v1/delegation-rules/DHSC").then()
                .statusCode(200).extract().asString());
        assertEquals(fields(api), fields(payload));
        assertEquals(api.get("rules"), payload.get("rules"));
        assertEquals(api.get("version"), payload.get("version"));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
