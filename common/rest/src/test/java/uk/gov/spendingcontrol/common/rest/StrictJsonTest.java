package uk.gov.spendingcontrol.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.Problem;
import uk.gov.spendingcontrol.common.problem.ProblemException;
import uk.gov.spendingcontrol.common.text.FreeText;

/** The strict JSON rules, and the problem each refusal becomes (field and message), on a plain ObjectMapper. */
class StrictJsonTest {

    enum Colour { RED, GREEN }

    record Item(String name, BigDecimal amount) {
    }

    record Sample(String code, @FreeText String note, Colour colour, Integer version, int count, BigDecimal amount,
            Boolean flag, LocalDate day, Set<String> tags, List<Item> items) {
    }

    static final ObjectMapper MAPPER = StrictJson.apply(new ObjectMapper());

    static final String VALID = "{\"code\":\"DHSC-1\",\"note\":\"line one\\nline two\\t(tabbed)\",\"colour\":\"GREEN\","
            + "\"version\":3,\"count\":1,\"amount\":\"1234.50\",\"flag\":true,\"day\":\"2026-04-01\","
            + "\"tags\":[\"a\",\"b\"],\"items\":[{\"name\":\"x\",\"amount\":-0.07}]}";

    static Sample read(String json) throws IOException {
        return MAPPER.readValue(json, Sample.class);
    }

    static Problem refused(String json) {
        return refused(json.getBytes(StandardCharsets.UTF_8));
    }

    static Problem refused(byte[] json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue(json, Sample.class));
        ProblemException p = JsonProblems.of(e);
        assertEquals(400, p.status());
        return p.problem();
    }

    static String with(String property, String value) {
        return VALID.replaceFirst("\"" + property + "\":(\"[^\"]*\"|[^,}\\]]+|\\[[^\\]]*\\])", "\"" + property + "\":"
                + java.util.regex.Matcher.quoteReplacement(value));
    }

    @Test
    void aStrictBodyIsReadAsSent() throws IOException {
        Sample s = read(VALID);
        assertEquals("DHSC-1", s.code());
        assertEquals("line one\nline two\t(tabbed)", s.note());
        assertEquals(Colour.GREEN, s.colour());
        assertEquals(new BigDecimal("1234.50"), s.amount());
        assertEquals(new BigDecimal("-0.07"), s.items().get(0).amount());
        assertEquals(LocalDate.of(2026, 4, 1), s.day());
        assertEquals(Set.of("a", "b"), s.tags());
        assertEquals(new BigDecimal("12"), read(with("amount", "12")).amount());
        assertEquals(new BigDecimal("12.5"), read(with("amount", "12.5")).amount());
        assertEquals(null, read(with("version", "null")).version());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // numbers, booleans and objects are not strings
        "code|1|code|must be a string, not a whole number",
        "code|true|code|must be a string, not a boolean",
        "code|{}|code|must be a string, not an object",
        "tags|[1]|tags[0]|must be a string",
        // enums by name only: not by position, not in another case
        "colour|1|colour|'1' is not a value named exactly one of RED, GREEN",
        "colour|\"1\"|colour|is not a value named exactly one of RED, GREEN",
        "colour|\"green\"|colour|'green' is not a value named exactly one of RED, GREEN",
        "colour|\"\"|colour|RED, GREEN",
        // integers only where integers
        "version|1.5|version|'1.5' is not a whole number",
        "version|1e-400|version|'1e-400' is not a whole number",
        "version|1.0|version|'1.0' is not a whole number",
        "version|\"3\"|version|must be a whole number",
        "version|99999999999|version|'99999999999' is out of range: it must be a whole number from -2147483648",
        "version|-99999999999999999999999|version|is out of range",
        "count|null|count|",
        "version|true|version|",
        // booleans are true or false
        "flag|1|flag|'1' is not a boolean (true or false)",
        "flag|\"true\"|flag|must be a boolean (true or false), not a string",
        // amounts: a number or a plain decimal string, no exponent, no padding
        "amount|\"1e3\"|amount|'1e3' is not a plain decimal number",
        "amount|1e3|amount|'1e3' is not a plain decimal number",
        "amount|1E-2|amount|is not a plain decimal number",
        "amount|\"  12 \"|amount|'  12 ' is not a plain decimal number",
        "amount|\"+12\"|amount|is not a plain decimal number",
        "amount|\".5\"|amount|is not a plain decimal number",
        "amount|\"012\"|amount|is not a plain decimal number",
        "amount|\"12.\"|amount|is not a plain decimal number",
        "amount|\"\"|amount|is not a plain decimal number",
        "amount|true|amount|must be a number",
        "items|[{\"name\":\"x\",\"amount\":\"1e3\"}]|items[0].amount|'1e3' is not a plain decimal number",
        // dates YYYY-MM-DD
        "day|\"2026-02-30\"|day|'2026-02-30' is not a date written YYYY-MM-DD",
        "day|\"+999999999-12-31\"|day|is not a date written YYYY-MM-DD",
        "day|\"0000-01-01\"|day|is not a date",
        "day|20000|day|must be a date",
        "day|[2026,4,1]|day|must be a date",
        // control characters: none in text, tabs and line breaks only in free text
        "code|\"DFE\\u0000X\"|code|contains the control character U+0000 at position 4",
        "code|\"a\\u0007\"|code|contains the control character U+0007",
        "code|\"a\\u0085\"|code|contains the control character U+0085",
        "code|\"a\\nb\"|code|tabs and line breaks are only allowed in free text",
        "note|\"a\\u0000\"|note|contains the control character U+0000",
        "note|\"a\\u001b[31m\"|note|contains the control character U+001B",
        "tags|[\"ok\",\"a\\u0000\"]|tags[1]|contains the control character U+0000",
        "code|\"\\ud800\"|code|unpaired surrogate",
        "items|[{\"name\":\"x\",\"amount\":1,\"colour\":\"RED\"}]|items[0].colour|is not a known property"})
    void eachRefusalPointsAtTheField(String property, String value, String field, String message) {
        Problem p = refused(with(property, value));
        assertEquals(1, p.errors().size(), p.toString());
        FieldProblem f = p.errors().get(0);
        assertEquals(field, f.field(), p.toString());
        assertTrue(message == null || f.message().contains(message), f.message());
        assertTrue(p.detail().startsWith(field), p.detail());
    }

    @Test
    void unknownAndRepeatedPropertiesAreRefused() {
        Problem unknown = refused(VALID.replace("{\"code\"", "{\"department\":\"DHSC\",\"code\""));
        assertEquals("department", unknown.errors().get(0).field());
        assertEquals("department: is not a known property", unknown.detail());
        Problem repeated = refused(VALID.replace("{\"code\":\"DHSC-1\"", "{\"code\":\"DHSC-1\",\"code\":\"DFE-1\""));
        assertEquals("code", repeated.errors().get(0).field());
        assertTrue(repeated.errors().get(0).message().startsWith("is repeated at line 1"));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithWhereTheyAre() {
        byte[] body = VALID.replace("line one", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Problem p = refused(body);
        assertEquals("note", p.errors().get(0).field());
        assertTrue(p.errors().get(0).message().startsWith("is not valid UTF-8 at line 1, column"), p.toString());
    }

    @Test
    void aRawControlCharacterIsMalformedJsonWithAPointer() {
        Problem p = refused(VALID.replace("DHSC-1", "DHSC\u00001"));
        assertEquals("code", p.errors().get(0).field());
        assertTrue(p.errors().get(0).message().contains("raw control character"), p.toString());
    }

    @Test
    void malformedJsonSaysWhere() {
        Problem p = refused("{\"code\":\"x\",");
        assertTrue(p.detail().startsWith("Request body is not well-formed JSON at line 1"), p.detail());
        Problem trailing = refused(VALID + " {}");
        assertTrue(trailing.detail().contains("Request body"), trailing.detail());
        Problem array = refused("[]");
        assertTrue(array.detail().startsWith("Request body is missing or is not an object"), array.detail());
    }
}
