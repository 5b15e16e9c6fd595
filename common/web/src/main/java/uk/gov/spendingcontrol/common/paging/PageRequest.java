package uk.gov.spendingcontrol.common.paging;

import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import uk.gov.spendingcontrol.common.problem.ProblemException;

/**
 * Cursor pagination: a {@code limit} (default {@value #DEFAULT_LIMIT}, hard maximum {@value #MAX_LIMIT}) and an opaque
 * {@code cursor}, which encodes the sort key of the last item of the previous page.
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** Validates the query parameters; a bad limit or cursor answers 400 naming the parameter. */
    public static PageRequest of(Integer limit, String cursor) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
            }
        }
        return new PageRequest(l, after);
    }

    /** The last item's key as a long, for lists keyed by an increasing id. */
    public long afterId() {
        if (after == null) {
            return 0L;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
        }
    }

    /**
     * Builds the page from up to {@code limit + 1} fetched rows: the extra row only tells that there is a next page.
     */
    public <E, T> Page<T> page(List<E> fetched, Function<E, T> view, Function<E, Object> key, UriInfo uri) {
        boolean more = fetched.size() > limit;
        List<E> rows = more ? fetched.subList(0, limit) : fetched;
        List<T> items = rows.stream().map(view).toList();
        if (!more) {
            return new Page<>(items, null, null);
        }
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(key.apply(rows.get(rows.size() - 1)).toString().getBytes(StandardCharsets.UTF_8));
        String next = uri == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().getRawPath() + "?"
                        + uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().getRawQuery();
        return new Page<>(items, cursor, next);
    }
}
