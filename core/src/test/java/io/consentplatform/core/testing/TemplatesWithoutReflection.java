package io.consentplatform.core.testing;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.ValueResolver;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionStage;

/**
 * Makes every test that renders a template fail where the native executable would. On the JVM, Qute
 * falls back to reflection for a member of our classes that it generated no resolver for; the
 * native executable registers no such reflection, and the page answers 500 there (the policy page
 * and the back office did). This resolver sits between the generated ones and that fallback, and
 * throws for any of our objects that reaches it, naming the member to give {@code @TemplateData}.
 */
@Singleton
public class TemplatesWithoutReflection {

  private static final String OURS = "io.consentplatform.";

  void guard(@Observes EngineBuilder builder) {
    builder.addValueResolver(new Guard());
  }

  private static final class Guard implements ValueResolver {

    @Override
    public int getPriority() {
      // Generated resolvers and Qute's own come at 1 and above; reflection's fallback below 0.
      return 0;
    }

    @Override
    public boolean appliesTo(EvalContext context) {
      Object base = context.getBase();
      return base != null && base.getClass().getName().startsWith(OURS);
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
      throw new IllegalStateException(
          "No generated resolver for '"
              + context.getName()
              + "' of "
              + context.getBase().getClass().getName()
              + ": the native executable cannot resolve it by reflection; give the class"
              + " @TemplateData (or name it in a @TemplateData(target = ...))");
    }
  }
}
