package dev.footnote.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.footnote.search.QueryLimits;

/**
 * Plain text, as every question and filter must be: no control character other than tab and line breaks (NUL
 * among them, which PostgreSQL cannot store), and no half of a surrogate pair. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must be plain text; it holds a control character or half of a surrogate pair";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a string with {@link QueryLimits#notPlainAt}. */
    class Validator implements ConstraintValidator<PlainText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || QueryLimits.notPlainAt(value) < 0;
        }
    }
}
