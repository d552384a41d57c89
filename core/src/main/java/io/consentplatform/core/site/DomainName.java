package io.consentplatform.core.site;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** A site's domain as {@link SiteDomains} keeps it: a host name or address, optionally a port. */
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DomainName.Validator.class)
public @interface DomainName {

  String message() default "{consent.domain.notAHost}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Says which rule the domain breaks, naming the domain. */
  class Validator implements ConstraintValidator<DomainName, String> {

    @Override
    public boolean isValid(String domain, ConstraintValidatorContext context) {
      if (domain == null) {
        return true;
      }
      Optional<SiteDomains.Fault> fault = SiteDomains.fault(domain);
      if (fault.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .unwrap(HibernateConstraintValidatorContext.class)
          .addMessageParameter("domain", domain)
          .buildConstraintViolationWithTemplate("{" + fault.get().messageKey() + "}")
          .addConstraintViolation();
      return false;
    }
  }
}
