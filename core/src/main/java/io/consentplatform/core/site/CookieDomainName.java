package io.consentplatform.core.site;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A site whose cookie domain ({@link CookieDomain}) can carry a cookie and reaches every declared
 * domain; the violation is reported on {@code cookieDomain}, naming what is wrong.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CookieDomainName.Validator.class)
public @interface CookieDomainName {

  String message() default "{consent.cookieDomain.unreached}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the edit's cookie domain against its own rules, then against its domains. */
  class Validator implements ConstraintValidator<CookieDomainName, SiteEdit> {

    @Override
    public boolean isValid(SiteEdit edit, ConstraintValidatorContext context) {
      if (edit == null || edit.cookieDomain() == null) {
        return true;
      }
      Optional<SiteDomains.Fault> fault = CookieDomain.fault(edit.cookieDomain());
      String template;
      String domains = null;
      if (fault.isPresent()) {
        // Its own words where a cookie domain differs from a page's domain; else the domain's.
        template =
            switch (fault.get()) {
              case NOT_A_HOST, BAD_PORT -> "{consent.cookieDomain.notAHost}";
              case PUBLIC_SUFFIX -> "{consent.cookieDomain.publicSuffix}";
              default -> "{" + fault.get().messageKey() + "}";
            };
      } else {
        List<String> unreached = CookieDomain.unreached(edit.cookieDomain(), edit.domains());
        if (unreached.isEmpty()) {
          return true;
        }
        template = "{consent.cookieDomain.unreached}";
        domains = String.join(", ", unreached);
      }
      context.disableDefaultConstraintViolation();
      HibernateConstraintValidatorContext hibernate =
          context.unwrap(HibernateConstraintValidatorContext.class);
      hibernate.addMessageParameter("domain", edit.cookieDomain());
      if (domains != null) {
        hibernate.addMessageParameter("domains", domains);
      }
      hibernate
          .buildConstraintViolationWithTemplate(template)
          .addPropertyNode("cookieDomain")
          .addConstraintViolation();
      return false;
    }
  }
}
