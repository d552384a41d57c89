package io.consentplatform.core.text;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** A two-letter ISO 639-1 language code that exists ({@code fr}, not {@code xx}). */
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageCode.Validator.class)
public @interface LanguageCode {

  String message() default "{consent.language.unknown}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the code against {@link Languages#isKnown}, naming it in the message. */
  class Validator implements ConstraintValidator<LanguageCode, String> {

    @Override
    public boolean isValid(String code, ConstraintValidatorContext context) {
      if (code == null || Languages.isKnown(code)) {
        return true;
      }
      context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("code", code);
      return false;
    }
  }
}
