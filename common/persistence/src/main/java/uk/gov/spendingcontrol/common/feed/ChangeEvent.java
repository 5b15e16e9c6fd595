package uk.gov.spendingcontrol.common.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event of a change feed (docs/change-feeds.md). {@code position} orders the feed (commit order); {@code eventId}
 * identifies the event for consumers that de-duplicate.
 */
@Schema(name = "ChangeEvent")
public record ChangeEvent(
        @Schema(description = "Commit-ordered position; read on with after=position") long position,
        UUID eventId,
        @Schema(example = "ControlTotalAdjusted") String type,
        @Schema(example = "ControlTotalAdjustment") String aggregateType,
        String aggregateId,
        @Schema(description = "Departments the change concerns; none when it concerns every department",
                example = "[\"DHSC\"]") List<String> departments,
        @Schema(description = "The changed object as it stands after the change (docs/change-feeds.md)",
                type = SchemaType.OBJECT, implementation = Object.class) JsonNode payload,
        String recordedBy,
        OffsetDateTime occurredAt) {
}
