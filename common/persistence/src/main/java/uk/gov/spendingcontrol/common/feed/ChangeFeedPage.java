package uk.gov.spendingcontrol.common.feed;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of a change feed. Read on with {@code after=lastPosition}; when {@code events} is empty you are at the head.
 */
@Schema(name = "ChangeFeedPage")
public record ChangeFeedPage(List<ChangeEvent> events, long lastPosition, String next) {
}
