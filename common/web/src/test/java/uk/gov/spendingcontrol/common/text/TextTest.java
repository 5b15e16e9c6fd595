package uk.gov.spendingcontrol.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.gov.spendingcontrol.common.problem.ProblemException;

class TextTest {

    @Test
    void ordinaryTextPasses() {
        assertNull(Text.problem("Elective recovery – £3.2bn, 𝄞 é 中文", false));
        assertNull(Text.problem("", false));
        assertNull(Text.problem(null, false));
        assertNull(Text.problem("line one\nline two\r\n\tindented", true));
    }

    @Test
    void everyControlCharacterIsRefusedAndTabsAndLineBreaksOnlyInFreeText() {
        for (char c = 0; c <= 0x9f; c++) {
            boolean control = c < 0x20 || c >= 0x7f;
            boolean freeTextAllows = c == '\t' || c == '\n' || c == '\r';
            String value = "a" + c + "b";
            assertEquals(control, Text.problem(value, false) != null, "U+" + Integer.toHexString(c));
            assertEquals(control && !freeTextAllows, Text.problem(value, true) != null, "U+" + Integer.toHexString(c));
        }
        assertEquals("contains the control character U+0000 at position 4: control characters are not allowed",
                Text.problem("DFE\u0000X", false));
        assertTrue(Text.problem("a\tb", false).contains("only allowed in free text"));
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertTrue(Text.problem("a\uD800", false).contains("unpaired surrogate U+D800"));
        assertTrue(Text.problem("a\uDC00b", true).contains("unpaired surrogate U+DC00"));
        assertNull(Text.problem("\uD834\uDD1E", false));
    }

    @Test
    void parametersAlsoRefuseWhatBytesThatAreNotUtf8DecodeTo() {
        assertTrue(Text.parameterProblem("caf\uFFFD").contains("not valid UTF-8"));
        assertTrue(Text.parameterProblem("a\nb").contains("control character"));
        assertNull(Text.parameterProblem("DHSC"));
    }

    @Test
    void requireNamesTheField() {
        ProblemException e = assertThrows(ProblemException.class, () -> Text.require("x\u0007", "title", true));
        assertEquals("title", e.problem().errors().get(0).field());
        assertEquals("ok", Text.require("ok", "title", false));
    }

    @Test
    void strictUtf8AgreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[random.nextInt(12)];
            for (int i = 0; i < b.length; i++) {
                // mostly the bytes that make or break UTF-8
                b[i] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(0x100));
            }
            boolean jdk = true;
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            } catch (CharacterCodingException e) {
                jdk = false;
            }
            assertEquals(jdk, Text.firstInvalidUtf8(b, 0, b.length) < 0, java.util.HexFormat.of().formatHex(b));
        }
    }

    @Test
    void firstInvalidUtf8PointsAtTheByte() {
        byte[] latin1 = "café au lait".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(3, Text.firstInvalidUtf8(latin1, 0, latin1.length));
        byte[] truncated = {'a', (byte) 0xE2, (byte) 0x82};
        assertEquals(1, Text.firstInvalidUtf8(truncated, 0, truncated.length));
        byte[] overlong = {(byte) 0xC0, (byte) 0x80};
        assertEquals(0, Text.firstInvalidUtf8(overlong, 0, 2));
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertEquals(0, Text.firstInvalidUtf8(surrogate, 0, 3));
        ProblemException e = assertThrows(ProblemException.class, () -> Text.utf8(latin1, 0, latin1.length, "body"));
        assertEquals("body", e.problem().errors().get(0).field());
    }

    @Test
    void shownValuesAreShortAndMakeControlsVisible() {
        assertEquals("a U+0000 b", Text.shown("a \u0000 b"));
        assertEquals("x".repeat(40) + "...", Text.shown("x".repeat(41)));
        assertEquals("null", Text.shown(null));
    }
}
