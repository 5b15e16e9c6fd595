package uk.gov.spendingcontrol.common.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field that is free text (a description, a reason, a comment): it may hold tabs and line breaks. Every
 * other text field refuses them, as every text field refuses the other control characters ({@link Text}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface FreeText {
}
