package uk.gov.spendingcontrol.common.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;
import uk.gov.spendingcontrol.common.problem.ProblemException;

/**
 * The one form of a cross-cutting outcome's identifier, for every service: a lowercase slug such as
 * {@code net-zero-2050} ({@value #REGEX}, {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters). The
 * outcome-delivery-plan service owns the register of cross-cutting outcomes; the budget service's joint bids name them
 * by the same identifier.
 */
public final class OutcomeIds {

    public static final String REGEX = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 64;
    /** The rule, as a message completes it ("crossCuttingOutcomeId must be ..."). */
    public static final String RULE = "a cross-cutting outcome id: 3 to 64 characters, lowercase letters and digits in"
            + " words joined by single hyphens, starting with a letter, such as net-zero-2050";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private OutcomeIds() {
    }

    public static boolean isValid(String id) {
        return id != null && id.length() >= MIN_LENGTH && id.length() <= MAX_LENGTH && PATTERN.matcher(id).matches();
    }

    /** The id when valid; else a 400 problem naming the field. */
    public static String require(String id, String field) {
        if (!isValid(id)) {
            throw ProblemException.invalid(field, "must be " + RULE);
        }
        return id;
    }

    /** Bean Validation: the value is {@link #isValid valid}. Null is valid (combine with @NotNull). */
    @Documented
    @Constraint(validatedBy = Valid.Validator.class)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
            ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Valid {

        String message() default "must be " + RULE;

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Valid, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || OutcomeIds.isValid(value);
            }
        }
    }
}
