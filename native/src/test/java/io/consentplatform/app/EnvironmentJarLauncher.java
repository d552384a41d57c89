package io.consentplatform.app;

import io.quarkus.test.common.DefaultJarLauncher;
import java.util.Map;

/**
 * Quarkus' jar launcher, configuring the jar through its environment ({@link
 * ContainerEnvironment}).
 */
public final class EnvironmentJarLauncher extends DefaultJarLauncher {

  private JarInitContext context;

  @Override
  public void init(JarInitContext context) {
    this.context = context;
    super.init(context);
  }

  @Override
  public void includeAsSysProps(Map<String, String> properties) {
    context = ContainerEnvironment.withEnvironment(JarInitContext.class, context, properties);
    super.init(context);
  }
}
