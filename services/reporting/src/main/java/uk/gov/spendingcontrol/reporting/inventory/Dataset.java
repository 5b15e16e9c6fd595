package uk.gov.spendingcontrol.reporting.inventory;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One dataset of the suite, as the data inventory lists it (docs/reporting.md, "Data inventory"). */
@Schema(name = "Dataset")
public record Dataset(
        @Schema(description = "<service>.<dataset>; what a reporting requirement's liveDataFeed names",
                example = "budget.returns") String id,
        String title,
        String description,
        @Schema(description = "The owning service", example = "budget") String owner,
        List<Field> fields,
        @Schema(enumeration = {"CONTINUOUS", "MONTHLY", "QUARTERLY", "ANNUALLY", "IRREGULAR"}) String updateFrequency,
        @Schema(description = "When it last changed, as far as reporting knows (null: never seen)", nullable = true)
        OffsetDateTime lastUpdated,
        @Schema(enumeration = {"OPEN", "OFFICIAL"}, description = "OPEN: anyone, no login; OFFICIAL: signed-in users "
                + "by role and department") String accessLevel,
        Access access) {

    @Schema(name = "DatasetField")
    public record Field(String name, @Schema(enumeration = {"string", "number", "integer", "boolean", "date",
            "datetime", "array", "object"}) String type, String description) {
    }

    @Schema(name = "DatasetAccess")
    public record Access(@Schema(description = "The API path (through the gateway)") String api,
            @Schema(nullable = true) String changeFeed, List<String> exports) {
    }

    Dataset withLastUpdated(OffsetDateTime at) {
        return new Dataset(id, title, description, owner, fields, updateFrequency, at, accessLevel, access);
    }
}
