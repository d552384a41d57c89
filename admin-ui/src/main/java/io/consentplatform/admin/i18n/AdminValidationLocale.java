package io.consentplatform.admin.i18n;

import io.quarkus.arc.Arc;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * Validation messages on back-office forms speak the person's language, the one the page around
 * them speaks, not only the browser's. Elsewhere (the JSON API) it answers nothing and Quarkus' own
 * resolver reads {@code Accept-Language} as before.
 */
@Singleton
@Priority(100)
public class AdminValidationLocale implements LocaleResolver {

  @Override
  public Locale resolve(LocaleResolverContext context) {
    if (!Arc.container().requestContext().isActive()) {
      return null;
    }
    HttpServerRequest request = Arc.container().instance(HttpServerRequest.class).get();
    if (request == null || request.path() == null || !request.path().startsWith("/admin")) {
      return null;
    }
    return AdminLanguage.current().locale();
  }
}
