package uk.gov.spendingcontrol.odp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static uk.gov.spendingcontrol.odp.Fixtures.DFE_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.DHSC_EDITOR;
import static uk.gov.spendingcontrol.odp.Fixtures.HMT;
import static uk.gov.spendingcontrol.odp.Fixtures.PLANS;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the owner of the process lets departments publish (odp.publish.roles names department-editor). */
@QuarkusTest
@TestProfile(PublishByDepartmentTest.DepartmentsPublish.class)
class PublishByDepartmentTest {

    public static class DepartmentsPublish implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("odp.publish.roles", "department-editor,cabinet-office-admin");
        }
    }

    @Test
    void aDepartmentsEditorPublishesItsOwnPlanOnlyAndTheTreasuryNoLonger() {
        String id = Fixtures.create(DHSC_EDITOR, Fixtures.complete("2079-80", "Published by DHSC"));
        Fixtures.submit(DHSC_EDITOR, id);
        String etag = Fixtures.etag(DHSC_EDITOR, PLANS + "/" + id);
        given().auth().oauth2(HMT).header("If-Match", etag).when().post(PLANS + "/" + id + "/publication")
                .then().statusCode(403);
        given().auth().oauth2(DFE_EDITOR).header("If-Match", etag).when().post(PLANS + "/" + id + "/publication")
                .then().statusCode(404);
        given().auth().oauth2(DHSC_EDITOR).header("If-Match", etag).when().post(PLANS + "/" + id + "/publication")
                .then().statusCode(200).body("status", is("PUBLISHED"), "publishedBy", is("dhsc-editor"));
    }
}
