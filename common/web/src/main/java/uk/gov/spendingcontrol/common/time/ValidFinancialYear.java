package uk.gov.spendingcontrol.common.time;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A financial year written {@code 2026-27}, from {@value FinancialYear#FIRST} to {@value FinancialYear#LAST}
 * ({@link FinancialYear}). Null is valid (combine with @NotNull).
 */
@Documented
@Constraint(validatedBy = ValidFinancialYear.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidFinancialYear {

    String message() default "must be " + FinancialYear.RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidFinancialYear, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || FinancialYear.isValid(value);
        }
    }
}
