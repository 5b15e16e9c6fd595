package uk.gov.spendingcontrol.common.paging;

import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.text.Text;

/**
 * Cursor pagination: a {@code limit} (default {@value #DEFAULT_LIMIT}, hard maximum {@value #MAX_LIMIT}) and an opaque
 * {@code cursor}, which encodes the sort key of the last item of the previous page.
 *
 * <p>A cursor is base64url (no padding) of {@value #PREFIX} followed by the key. Anything else (not base64url, not
 * UTF-8, without the prefix, with a control character, longer than {@value #MAX_CURSOR} characters) answers 400
 * naming {@code cursor}: a cursor never reaches a query unless this API wrote it.
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** The longest cursor accepted. */
    public static final int MAX_CURSOR = 512;
    /** Marks (and versions) the cursors this API writes. */
    static final String PREFIX = "c1:";

    /** Validates the query parameters; a bad limit or cursor answers 400 naming the parameter. */
    public static PageRequest of(Integer limit, String cursor) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(l, cursor == null || cursor.isEmpty() ? null : decode(cursor));
    }

    /** The key a cursor carries; 400 naming {@code cursor} when it is not one this API wrote. */
    static String decode(String cursor) {
        if (cursor.length() > MAX_CURSOR) {
            throw notACursor();
        }
        for (int i = 0; i < cursor.length(); i++) {
            char c = cursor.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                throw notACursor();
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
        if (Text.firstInvalidUtf8(bytes, 0, bytes.length) >= 0) {
            throw notACursor();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.startsWith(PREFIX) || text.length() == PREFIX.length() || Text.problem(text, false) != null) {
            throw notACursor();
        }
        return text.substring(PREFIX.length());
    }

    /** The cursor that carries a key. */
    static String encode(Object key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    private static ProblemException notACursor() {
        return ProblemException.invalid("cursor", "is not a cursor returned by this API: pass the nextCursor of the"
                + " previous page unchanged, or leave it out for the first page");
    }

    /** The last item's key as a long, for lists keyed by an increasing id. */
    public long afterId() {
        if (after == null) {
            return 0L;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw notACursor();
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
        String cursor = encode(key.apply(rows.get(rows.size() - 1)));
        String next = uri == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().getRawPath() + "?"
                        + uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().getRawQuery();
        return new Page<>(items, cursor, next);
    }
}
