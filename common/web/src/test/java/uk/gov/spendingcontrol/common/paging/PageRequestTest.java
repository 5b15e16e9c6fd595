package uk.gov.spendingcontrol.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.spendingcontrol.common.problem.ProblemException;

class PageRequestTest {

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Test
    void defaultsAndBounds() {
        assertEquals(new PageRequest(PageRequest.DEFAULT_LIMIT, null), PageRequest.of(null, null));
        assertEquals(1, PageRequest.of(1, null).limit());
        assertEquals(PageRequest.MAX_LIMIT, PageRequest.of(PageRequest.MAX_LIMIT, "").limit());
        for (int bad : new int[] {0, -1, PageRequest.MAX_LIMIT + 1, Integer.MIN_VALUE}) {
            ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.of(bad, null));
            assertEquals("limit", e.problem().errors().get(0).field());
        }
    }

    @Test
    void aPageCarriesTheCursorOfItsLastItemAndTheCursorGivesTheKeyBack() {
        List<String> fetched = List.of("DFE", "DHSC", "HMT");
        Page<String> page = PageRequest.of(2, null).page(fetched, String::toLowerCase, s -> s, null);
        assertEquals(List.of("dfe", "dhsc"), page.items());
        assertEquals("DHSC", PageRequest.of(2, page.nextCursor()).after());
        Page<String> last = PageRequest.of(3, null).page(fetched, s -> s, s -> s, null);
        assertNull(last.nextCursor());
        assertNull(last.next());
    }

    @Test
    void keysOfAnyTextRoundTrip() {
        for (String key : new String[] {"1", "2026-27|DHSC", "é and ü", "𝄞", "a".repeat(300)}) {
            assertEquals(key, PageRequest.decode(PageRequest.encode(key)));
        }
        assertEquals(42L, PageRequest.of(10, PageRequest.encode(42L)).afterId());
        assertEquals(0L, PageRequest.of(10, null).afterId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AAAA",                 // three NUL bytes: reached PostgreSQL before, which answered 500
        "bm90LWEtY3Vyc29y",     // "not-a-cursor": base64, but not one this API wrote
        "YzE6",                 // "c1:" with no key
        "YzE6AA",               // "c1:" and a NUL
        "YzE6Cg",               // "c1:" and a line feed
        "YzE66Q",               // "c1:" and a Latin-1 byte, not UTF-8
        "****",                 // not base64
        "YzE6YQ==",             // padding is not in the alphabet of the cursors written
        "YzE6 YQ",              // a space
        "A"                     // not a whole base64 quantum
    })
    void anythingElseIsA400NamingTheCursor(String cursor) {
        ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.of(10, cursor));
        assertEquals(400, e.status());
        assertEquals("cursor", e.problem().errors().get(0).field());
        assertTrue(e.problem().errors().get(0).message().startsWith("is not a cursor returned by this API"));
    }

    @Test
    void aCursorThatIsTooLongOrCarriesNoNumberWhereANumberIsExpected() {
        String tooLong = b64("c1:" + "a".repeat(PageRequest.MAX_CURSOR));
        assertThrows(ProblemException.class, () -> PageRequest.of(10, tooLong));
        assertThrows(ProblemException.class, () -> PageRequest.of(10, b64("c1:DHSC")).afterId());
        assertThrows(ProblemException.class, () -> PageRequest.of(10, b64(new byte[] {'c', '1', ':', (byte) 0xC3})));
        assertEquals("DHSC", PageRequest.of(10, b64("c1:DHSC")).after());
    }
}
