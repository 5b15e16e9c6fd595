package uk.gov.spendingcontrol.common.persistence;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import uk.gov.spendingcontrol.common.problem.Problem;

/**
 * Documents, on every operation of a service's API, the 503 that {@link DatabaseOutageMapper} answers when the
 * database cannot be reached, with its {@code Retry-After} header: a client sees it in the OpenAPI document like any
 * other answer.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DatabaseOutageOpenApi implements OASFilter {

    static final String STATUS = "503";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/") || item.getOperations() == null) {
                return;
            }
            item.getOperations().values().forEach(operation -> {
                if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse(STATUS)) {
                    operation.getResponses().addAPIResponse(STATUS, answer());
                }
            });
        });
    }

    private static APIResponse answer() {
        return OASFactory.createAPIResponse()
                .description("The database cannot be reached just now: retry after Retry-After seconds")
                .addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before retrying")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)))
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
    }
}
