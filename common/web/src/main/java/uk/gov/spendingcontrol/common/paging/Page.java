package uk.gov.spendingcontrol.common.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, with the cursor of the next page ({@code null} on the last page).
 *
 * @param items the items of this page
 * @param nextCursor pass as {@code cursor} to get the next page
 * @param next the full link to the next page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One page of a list; follow 'next' (or pass 'nextCursor' as 'cursor') for the next page.")
public record Page<T>(List<T> items, String nextCursor, String next) {
}
