package io.consentplatform.core.site;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Where a visitor reaches a controller or its data protection officer: an e-mail address or the web
 * address of a contact page, which the policy page turns into a link.
 */
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ContactPoint.Validator.class)
public @interface ContactPoint {

  String message() default "{consent.contact.invalid}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Accepts {@code dpo@example.org} and {@code https://example.org/contact}. */
  class Validator implements ConstraintValidator<ContactPoint, String> {

    private static final Pattern EMAIL =
        Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

    @Override
    public boolean isValid(String contact, ConstraintValidatorContext context) {
      return contact == null || isEmail(contact) || isWebAddress(contact);
    }

    static boolean isEmail(String contact) {
      return EMAIL.matcher(contact).matches();
    }

    static boolean isWebAddress(String contact) {
      try {
        URI uri = new URI(contact);
        return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
            && uri.getHost() != null;
      } catch (URISyntaxException e) {
        return false;
      }
    }
  }
}
