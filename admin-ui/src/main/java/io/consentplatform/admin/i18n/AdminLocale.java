package io.consentplatform.admin.i18n;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Renders every back-office page in the person's language: each template instance created while
 * answering a request under {@code /admin} takes its locale, so that no page can forget it. Visitor
 * pages (the policy page) keep choosing their own.
 */
@ApplicationScoped
public class AdminLocale implements TemplateInstance.Initializer {

  /** Quarkus does not pick up initializer beans by itself: the engine is told while it is built. */
  void register(@Observes EngineBuilder engine) {
    engine.addTemplateInstanceInitializer(this);
  }

  @Override
  public void accept(TemplateInstance instance) {
    if (!Arc.container().requestContext().isActive()) {
      return;
    }
    HttpServerRequest request = Arc.container().instance(HttpServerRequest.class).get();
    if (request != null && request.path() != null && request.path().startsWith("/admin")) {
      instance.setLocale(AdminLanguage.current().locale());
    }
  }
}
