package uk.gov.spendingcontrol.delegation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.spendingcontrol.delegation.Api.CO;
import static uk.gov.spendingcontrol.delegation.Api.DFE_READER;
import static uk.gov.spendingcontrol.delegation.Api.DHSC_EDITOR;
import static uk.gov.spendingcontrol.delegation.Api.DHSC_READER;
import static uk.gov.spendingcontrol.delegation.Api.DHSC_SYSTEM;
import static uk.gov.spendingcontrol.delegation.Api.HMT;
import static uk.gov.spendingcontrol.delegation.Api.HMT_APPROVER;
import static uk.gov.spendingcontrol.delegation.Api.OPS;
import static uk.gov.spendingcontrol.delegation.Api.as;
import static uk.gov.spendingcontrol.delegation.Api.create;
import static uk.gov.spendingcontrol.delegation.Api.anonymous;
import static uk.gov.spendingcontrol.delegation.Api.delegation;
import static uk.gov.spendingcontrol.delegation.Api.eventsOf;
import static uk.gov.spendingcontrol.delegation.Api.put;
import static uk.gov.spendingcontrol.delegation.Api.rule;
import static uk.gov.spendingcontrol.delegation.Api.versionsOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.common.feed.ChangeEvent;
import uk.gov.spendingcontrol.common.feed.ChangeFeed;
import uk.gov.spendingcontrol.testing.TestTokens;

/**
 * The delegation-rules API. Demo departments (DHSC, DFE, DEFRA, loaded by the demo migration) are only read here;
 * every test that writes uses a department of its own, so the tests do not depend on their order.
 */
@QuarkusTest
class DelegationResourceTest {

    static final String BASE = "/api/v1/delegation-rules";

    @Inject
    ChangeFeed events;

    @Inject
    ObjectMapper json;

    static String capital(String threshold) {
        return rule("CAPITAL_PROJECT", threshold, "TREASURY");
    }

    static String digital(String threshold) {
        return rule("DIGITAL_AND_TECHNOLOGY", threshold, "CABINET_OFFICE_SPEND_CONTROL");
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    @Test
    void theDemoDelegationsAreCurrentAndCentralRolesSeeThemAll() {
        as(HMT).queryParam("limit", 1000).when().get(BASE)
                .then().statusCode(200)
                .body("items.department", hasItems("DEFRA", "DFE", "DHSC"), "nextCursor", nullValue());
        as(HMT_APPROVER).when().get(BASE + "/DHSC")
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("department", is("DHSC"), "version", is(1), "createdBy", is("demo-data"),
                        "reason", containsString("Illustrative"), "createdAt", notNullValue(),
                        "rules.kindOfSpend", contains("CAPITAL_PROJECT", "RESOURCE_PROGRAMME", "PROCUREMENT_CONTRACT",
                                "DIGITAL_AND_TECHNOLOGY", "PROPERTY", "CONSULTANCY"),
                        "rules[0].threshold", is(new BigDecimal("50000000.00")),
                        "rules[0].approverAbove", is("TREASURY"),
                        "rules[3].threshold", is(new BigDecimal("5000000.00")),
                        "rules[3].approverAbove", is("CABINET_OFFICE_SPEND_CONTROL"),
                        "rules[5].threshold", is(new BigDecimal("600000.00")));
        as(CO).when().get(BASE + "/defra/versions/1")
                .then().statusCode(200).body("department", is("DEFRA"), "version", is(1),
                        "rules.kindOfSpend", not(hasItem("PROPERTY")));
    }

    @Test
    void theListIsPagedByCursor() {
        String cursor = as(CO).queryParam("limit", 1).when().get(BASE)
                .then().statusCode(200).body("items", hasSize(1), "next", containsString("cursor="))
                .extract().path("nextCursor");
        String first = as(CO).queryParam("limit", 1).when().get(BASE).then().extract().path("items[0].department");
        as(CO).queryParam("limit", 1).queryParam("cursor", cursor).when().get(BASE)
                .then().statusCode(200).body("items", hasSize(1), "items[0].department", not(first));
        as(CO).queryParam("limit", 0).when().get(BASE)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("limit"));
    }

    @Test
    void aDepartmentSeesOnlyItsOwnDelegationAndAnotherIsNotFound() {
        as(DHSC_READER).when().get(BASE)
                .then().statusCode(200).body("items.department", contains("DHSC"));
        as(DFE_READER).when().get(BASE)
                .then().statusCode(200).body("items.department", contains("DFE"));
        as(DHSC_SYSTEM).when().get(BASE + "/dhsc").then().statusCode(200).body("department", is("DHSC"));
        for (String path : List.of("/DEFRA", "/DEFRA/versions", "/DEFRA/versions/1")) {
            as(DHSC_READER).when().get(BASE + path)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", is("urn:spending-control:problem:not-found"), "status", is(404),
                            "instance", is(BASE + path), "traceId", notNullValue(),
                            "detail", containsString("DEFRA"));
        }
        // a department without a delegation, and a version that does not exist
        as(HMT).when().get(BASE + "/FCDO").then().statusCode(404).contentType("application/problem+json");
        as(HMT).when().get(BASE + "/FCDO/versions").then().statusCode(404);
        as(DHSC_READER).when().get(BASE + "/DHSC/versions/99").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("99"));
    }

    @Test
    void everyReadingRoleMayReadAndThePlatformTeamMayNot() {
        for (String token : List.of(DHSC_READER, DHSC_EDITOR, DHSC_SYSTEM, HMT, HMT_APPROVER, CO)) {
            as(token).when().get(BASE).then().statusCode(200);
            as(token).when().get(BASE + "/DHSC").then().statusCode(200).body("department", is("DHSC"));
            as(token).when().get(BASE + "/DHSC/versions").then().statusCode(200).body("items[0].version", is(1));
            as(token).when().get(BASE + "/DHSC/versions/1").then().statusCode(200).body("version", is(1));
        }
        for (String path : List.of("", "/DHSC", "/DHSC/versions", "/DHSC/versions/1")) {
            as(OPS).when().get(BASE + path).then().statusCode(403).contentType("application/problem+json")
                    .body("status", is(403));
            anonymous().when().get(BASE + path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
        }
        as(TestTokens.wrongAudience("dhsc-reader", "DHSC", "department-reader")).when().get(BASE + "/DHSC")
                .then().statusCode(401).contentType("application/problem+json");
    }

    // ---- replacing ----------------------------------------------------------------------------------------------

    @Test
    void onlyCabinetOfficeAdministratorsReplaceRules() {
        String body = delegation("Not allowed", capital("1.00"));
        for (String token : List.of(DHSC_READER, DHSC_EDITOR, DHSC_SYSTEM, HMT, HMT_APPROVER, OPS)) {
            put(token, "DHSC", "\"1\"", body).statusCode(403).contentType("application/problem+json")
                    .body("type", is("urn:spending-control:problem:forbidden"));
        }
        anonymous().contentType(ContentType.JSON).body(body).when().put(BASE + "/DHSC")
                .then().statusCode(401).contentType("application/problem+json");
        // nothing was written
        assertEquals(List.of(1), versionsOf("DHSC"));
        as(HMT).when().get(BASE + "/DHSC").then().body("rules[0].threshold", is(new BigDecimal("50000000.00")));
    }

    @Test
    void replacingMakesANewVersionAndKeepsTheHistory() throws Exception {
        String first = create(CO, "dft", delegation("First delegation for transport",
                        digital("5000000"), capital("40000000.5")))
                .statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", endsWith(BASE + "/DFT/versions/1"))
                .body("department", is("DFT"), "version", is(1), "createdBy", is("co-admin"),
                        "createdAt", notNullValue(), "reason", is("First delegation for transport"),
                        "rules.kindOfSpend", contains("CAPITAL_PROJECT", "DIGITAL_AND_TECHNOLOGY"),
                        "rules[0].threshold", is(new BigDecimal("40000000.50")),
                        "rules[1].threshold", is(new BigDecimal("5000000.00")))
                .extract().asString();

        put(CO, "DFT", "\"1\"", delegation("Capital threshold raised", capital("45000000.00"),
                        rule("CONSULTANCY", "600000", "CABINET_OFFICE_SPEND_CONTROL")))
                .statusCode(200)
                .header("ETag", "\"2\"")
                .header("Location", endsWith(BASE + "/DFT/versions/2"))
                .body("version", is(2), "reason", is("Capital threshold raised"),
                        "rules.kindOfSpend", contains("CAPITAL_PROJECT", "CONSULTANCY"));

        as(HMT).when().get(BASE + "/DFT")
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("version", is(2), "rules[0].threshold", is(new BigDecimal("45000000.00")));
        // the first version is kept as it was
        as(HMT).when().get(BASE + "/DFT/versions/1")
                .then().statusCode(200)
                .body("version", is(1), "reason", is("First delegation for transport"),
                        "rules.kindOfSpend", contains("CAPITAL_PROJECT", "DIGITAL_AND_TECHNOLOGY"),
                        "rules[0].threshold", is(new BigDecimal("40000000.50")));
        assertEquals(List.of(1, 2), versionsOf("DFT"));
        String cursor = as(HMT).queryParam("limit", 1).when().get(BASE + "/DFT/versions")
                .then().statusCode(200).body("items.version", contains(1)).extract().path("nextCursor");
        as(HMT).queryParam("limit", 1).queryParam("cursor", cursor).when().get(BASE + "/DFT/versions")
                .then().statusCode(200).body("items.version", contains(2), "nextCursor", nullValue());

        // each version went to the change feed, with the version as the API shows it, who made it and the department
        List<ChangeEvent> written = eventsOf(events, "DFT");
        assertEquals("DelegationVersionCreated,DelegationVersionCreated", Api.eventTypes(written));
        assertTrue(written.get(0).position() < written.get(1).position());
        assertEquals(json.readTree(first), written.get(0).payload());
        assertEquals(List.of("DFT"), written.get(0).departments());
        assertEquals("co-admin", written.get(0).recordedBy());
        JsonNode v2 = written.get(1).payload();
        assertEquals(2, v2.get("version").asInt());
        assertEquals("Capital threshold raised", v2.get("reason").asText());
        assertEquals(0, new BigDecimal("45000000.00").compareTo(v2.get("rules").get(0).get("threshold").decimalValue()));
        assertNotNull(written.get(1).occurredAt());
        assertNotNull(written.get(1).eventId());
    }

    @Test
    void aStaleVersionIsRefusedAndNothingIsWritten() {
        create(CO, "DWP", delegation("v1", capital("10000000"))).statusCode(201);
        put(CO, "DWP", "\"1\"", delegation("v2", capital("20000000"))).statusCode(200).body("version", is(2));

        put(CO, "DWP", "\"1\"", delegation("stale", capital("99"))).statusCode(412)
                .contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:precondition-failed"), "status", is(412),
                        "detail", containsString("version 2, not 1"), "errors[0].field", is("If-Match"))
                .header("ETag", "\"2\"");
        // "create the first one" while there is one
        create(CO, "DWP", delegation("as if new", capital("99"))).statusCode(412).header("ETag", "\"2\"")
                .body("errors[0].field", is("If-None-Match"), "detail", containsString("already has a delegation"));
        put(CO, "DWP", "\"3\"", delegation("from the future", capital("99"))).statusCode(412);
        // no precondition at all: refused, never a blind overwrite
        put(CO, "DWP", null, delegation("blind", capital("99"))).statusCode(428)
                .contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:precondition-required"),
                        "detail", containsString("If-Match"));
        put(CO, "DWP", "*", delegation("blind", capital("99"))).statusCode(400)
                .body("errors[0].field", is("If-Match"));
        put(CO, "DWP", "W/\"1\"", delegation("weak and stale", capital("99"))).statusCode(412);
        put(CO, "DWP", "two", delegation("not a version", capital("99"))).statusCode(400)
                .body("errors[0].field", is("If-Match"));
        // both conditions, or another If-None-Match
        as(CO).contentType(ContentType.JSON).body(delegation("both", capital("99"))).header("If-Match", "\"2\"")
                .header("If-None-Match", "*").when().put(BASE + "/DWP")
                .then().statusCode(400).body("errors[0].field", is("If-None-Match"));
        as(CO).contentType(ContentType.JSON).body(delegation("etag", capital("99"))).header("If-None-Match", "\"2\"")
                .when().put(BASE + "/DWP")
                .then().statusCode(400).body("errors[0].field", is("If-None-Match"));
        // a version to replace for a department that has none
        put(CO, "HMRC", "\"3\"", delegation("no such version", capital("99"))).statusCode(412)
                .body("detail", containsString("no delegation yet"), "detail", containsString("If-None-Match: *"));
        as(HMT).when().get(BASE + "/HMRC").then().statusCode(404);

        assertEquals(List.of(1, 2), versionsOf("DWP"));
        as(HMT).when().get(BASE + "/DWP").then().body("reason", is("v2"),
                "rules[0].threshold", is(new BigDecimal("20000000.00")));
        assertEquals(2, eventsOf(events, "DWP").size());
        assertEquals(0, eventsOf(events, "HMRC").size());
    }

    @Test
    void concurrentReplacementsOfTheSameVersionLetExactlyOneThrough() throws Exception {
        create(CO, "DBT", delegation("v1", capital("1000000"))).statusCode(201);
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String body = delegation("writer " + i, capital(Integer.toString(2000000 + i)));
            writers.add(() -> put(CO, "DBT", "\"1\"", body).extract().statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(writers)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
        assertEquals(3, statuses.stream().filter(s -> s == 412).count(), "statuses " + statuses);
        assertEquals(List.of(1, 2), versionsOf("DBT"));
        assertEquals(2, eventsOf(events, "DBT").size());
    }

    @Test
    void invalidRulesAreProblemsWithFieldErrorsAndNothingIsWritten() {
        create(CO, "HO", delegation("negative", rule("CAPITAL_PROJECT", "-1", "TREASURY"))).statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("urn:spending-control:problem:validation"), "instance", is(BASE + "/HO"),
                        "errors.field", contains("rules[0].threshold"), "errors[0].code", is("PositiveOrZero"));
        create(CO, "HO", delegation("unknown kind", rule("SNACKS", "1", "TREASURY"))).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("rules[0].kindOfSpend"), "errors[0].message", containsString("CAPITAL_PROJECT"));
        create(CO, "HO", delegation("unknown approver", rule("PROPERTY", "1", "PARLIAMENT"))).statusCode(400)
                .body("errors[0].field", is("rules[0].approverAbove"));
        create(CO, "HO", delegation("duplicate", capital("1"), digital("2"), capital("3"))).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("rules[2].kindOfSpend"), "errors[0].code", is("DuplicateKindOfSpend"),
                        "errors[0].message", containsString("rules[0]"));
        create(CO, "HO", "{\"rules\":[" + capital("1") + "]}").statusCode(400)
                .body("errors.field", contains("reason"));
        create(CO, "HO", delegation("  ", capital("1"))).statusCode(400)
                .body("errors.field", contains("reason"));
        create(CO, "HO", "{\"reason\":\"no rules\"}").statusCode(400)
                .body("errors.field", contains("rules"));
        create(CO, "HO", delegation("pence", capital("1.234"))).statusCode(400)
                .body("errors.field", contains("rules[0].threshold"), "errors[0].message", containsString("2 decimal"));
        create(CO, "HO", delegation("missing", "{\"kindOfSpend\":\"PROPERTY\"}")).statusCode(400)
                .body("errors.field", contains("rules[0].approverAbove", "rules[0].threshold"));
        create(CO, "HO", delegation("digital to the Treasury", rule("DIGITAL_AND_TECHNOLOGY", "1", "TREASURY")))
                .statusCode(400).body("errors.field", contains("rules[0].approverAbove"),
                        "errors[0].code", is("DigitalSpendControl"));
        create(CO, "HO", delegation("delegating the undelegable",
                        rule("NOVEL_CONTENTIOUS_REPERCUSSIVE", "1", "TREASURY")))
                .statusCode(400).body("errors.field", contains("rules[0].kindOfSpend"), "errors[0].code", is("NotDelegable"));
        create(CO, "not a code!", delegation("bad department", capital("1"))).statusCode(400)
                .body("errors.field", contains("department"));
        create(CO, "HO", "{\"reason\": ").statusCode(400).contentType("application/problem+json")
                .body(not(containsString("Exception")));
        // several problems at once are all reported
        create(CO, "HO", "{\"rules\":[" + rule("CAPITAL_PROJECT", "-5", "TREASURY") + "]}")
                .statusCode(400).body("errors.field", contains("reason", "rules[0].threshold"),
                        "detail", is("2 fields are not valid"));

        as(CO).when().get(BASE + "/HO").then().statusCode(404);
        assertEquals(0, eventsOf(events, "HO").size());
    }

    @Test
    void anEmptySetOfRulesIsAllowedAndDelegatesNothing() {
        create(CO, "DCMS", delegation("Nothing delegated while under review")).statusCode(201)
                .body("version", is(1), "rules", hasSize(0));
        as(HMT).when().get(BASE + "/DCMS").then().statusCode(200).body("rules", hasSize(0),
                "rules", everyItem(notNullValue()));
    }
}
