package uk.gov.spendingcontrol.common.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;

/**
 * Reads an enum from a query (or path) parameter, the one way every service does it: absent is {@code null}; a value
 * must be a constant's exact name (as in JSON: no numbers, no other case); anything else, blank included, is 400
 * naming the parameter and listing the allowed values.
 */
public final class EnumParameter {

    private EnumParameter() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        String message = "'" + value + "' is not one of " + allowed(type);
        throw ProblemException.invalid(parameter + ": " + message,
                List.of(new FieldProblem(parameter, message, "OneOf")));
    }

    /** The names of an enum's constants, comma-separated, in declaration order. */
    public static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
