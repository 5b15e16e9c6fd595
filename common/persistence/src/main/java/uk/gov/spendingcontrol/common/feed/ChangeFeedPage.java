package uk.gov.spendingcontrol.common.feed;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of a change feed (docs/change-feeds.md). Read on with {@code after=lastPosition} (the {@code next} link); the
 * reader is up to date when {@code lastPosition} has reached {@code headPosition}.
 */
@Schema(name = "ChangeFeedPage")
public record ChangeFeedPage(
        @Schema(description = "Events after the requested position, oldest first; empty when there is nothing newer")
        List<ChangeEvent> events,
        @Schema(description = "The position to read on from: the last event's, or the requested one when the page is empty")
        long lastPosition,
        @Schema(description = "The newest position that this caller may see (0 when none): up to date when lastPosition reaches it")
        long headPosition,
        @Schema(description = "The link to the next page", example = "/api/v1/change-feeds/budget?after=41&limit=500")
        String next) {
}
