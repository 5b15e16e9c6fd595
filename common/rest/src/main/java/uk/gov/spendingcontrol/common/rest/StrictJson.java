package uk.gov.spendingcontrol.common.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import uk.gov.spendingcontrol.common.text.FreeText;
import uk.gov.spendingcontrol.common.text.Text;

/**
 * The one JSON configuration of every service: request bodies are read strictly, so that a careless or hostile
 * client learns what was wrong instead of having it guessed.
 *
 * <ul>
 * <li>unknown properties and repeated properties are refused;</li>
 * <li>no coercion: a string is a JSON string (not a number or boolean), a number a JSON number (not a string), a
 * boolean {@code true} or {@code false}, an enum one of its names exactly (not its position, not another case);</li>
 * <li>integers only where integers: {@code 1.5}, {@code 1e-400} and values out of range are refused;</li>
 * <li>decimals ({@link BigDecimal}, money): a JSON number or a string of digits with an optional {@code -} and
 * {@code .}, never an exponent ({@code 1e3}) or padding ({@code " 12 "});</li>
 * <li>dates {@code YYYY-MM-DD} only, years 0001 to 9999;</li>
 * <li>text follows {@link Text}: no NUL or other control character; tabs and line breaks only in {@link FreeText}
 * fields.</li>
 * </ul>
 *
 * Applied last (lowest priority), after Quarkus's own configuration, so that nothing loosens it.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** A decimal as a string: what a JSON number without exponent is. */
    static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** Makes a mapper strict; returns it. */
    @SuppressWarnings("deprecation")
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS, DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE,
                DeserializationFeature.READ_ENUMS_USING_TO_STRING);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, false);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, false);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_VALUES, false);
        // the factory is shared with streaming readers (the budget service's returns): they get the same rules
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.setDefaultLeniency(false);

        for (CoercionInputShape shape : CoercionInputShape.values()) {
            // a string is never read as a boolean or a number (decimals have their own reader, below)
            mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(shape, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Integer).setCoercion(shape, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Float).setCoercion(shape, CoercionAction.Fail);
            if (shape != CoercionInputShape.String) {
                // strings, enums and dates are read from strings, and only from strings
                mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
                mapper.coercionConfigFor(LogicalType.Enum).setCoercion(shape, CoercionAction.Fail);
                mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(shape, CoercionAction.Fail);
            }
        }
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);

        SimpleModule strict = new SimpleModule("spending-control-strict-input");
        strict.addDeserializer(String.class, new StrictString(false));
        strict.addDeserializer(BigDecimal.class, new StrictDecimal());
        strict.addDeserializer(LocalDate.class, new StrictDate());
        strict.addDeserializer(Integer.class, new StrictWhole<>(Integer.class, false, Integer.MIN_VALUE, Integer.MAX_VALUE));
        strict.addDeserializer(int.class, new StrictWhole<>(int.class, true, Integer.MIN_VALUE, Integer.MAX_VALUE));
        strict.addDeserializer(Long.class, new StrictWhole<>(Long.class, false, Long.MIN_VALUE, Long.MAX_VALUE));
        strict.addDeserializer(long.class, new StrictWhole<>(long.class, true, Long.MIN_VALUE, Long.MAX_VALUE));
        mapper.registerModule(strict);
        return mapper;
    }

    /** A JSON string that follows {@link Text}; free text when the property is marked {@link FreeText}. */
    static final class StrictString extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean freeText;

        StrictString(boolean freeText) {
            super(String.class);
            this.freeText = freeText;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean free = property != null && property.getAnnotation(FreeText.class) != null;
            return free == freeText ? this : new StrictString(free);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String value = p.getText();
            String problem = Text.problem(value, freeText);
            if (problem != null) {
                throw InvalidFormatException.from(p, problem, value, String.class);
            }
            return value;
        }
    }

    /** A JSON number without exponent, or a string that is a plain decimal. */
    static final class StrictDecimal extends StdScalarDeserializer<BigDecimal> {

        StrictDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING) {
                String text = p.getText();
                if (!DECIMAL.matcher(text).matches()) {
                    throw InvalidFormatException.from(p, "is not a plain decimal number: digits with an optional"
                            + " '-' and '.', no exponent, no spaces", text, BigDecimal.class);
                }
                return new BigDecimal(text);
            }
            return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
        }
    }

    /** A JSON integer within the type's range: not {@code 1.0}, not {@code 1e-400}, not {@code "3"}. */
    static final class StrictWhole<T> extends StdScalarDeserializer<T> {

        private final boolean primitive;
        private final long min;
        private final long max;

        StrictWhole(Class<T> type, boolean primitive, long min, long max) {
            super(type);
            this.primitive = primitive;
            this.min = min;
            this.max = max;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT) {
                String text = p.getText();
                java.math.BigInteger v = new java.math.BigInteger(text);
                if (v.compareTo(java.math.BigInteger.valueOf(min)) < 0 || v.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
                    throw InvalidFormatException.from(p, "is out of range: it must be a whole number from " + min + " to "
                            + max, text, handledType());
                }
                Object value = max == Integer.MAX_VALUE ? (Object) v.intValue() : (Object) v.longValue();
                return (T) value;
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                throw InvalidFormatException.from(p, "is not a whole number from " + min + " to " + max, p.getText(),
                        handledType());
            }
            return (T) ctxt.handleUnexpectedToken(handledType(), p);
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws com.fasterxml.jackson.databind.JsonMappingException {
            if (primitive) {
                ctxt.reportInputMismatch(this, "must be a whole number, not null");
            }
            return null;
        }
    }

    /** {@code YYYY-MM-DD}, a real day, years 0001 to 9999. */
    static final class StrictDate extends StdScalarDeserializer<LocalDate> {

        StrictDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            if (DATE.matcher(text).matches() && !text.startsWith("0000")) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            throw InvalidFormatException.from(p, "is not a date written YYYY-MM-DD", text, LocalDate.class);
        }
    }
}
