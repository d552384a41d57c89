package io.consentplatform.app;

import io.quarkus.test.common.DefaultNativeImageLauncher;
import java.util.Map;

/**
 * Quarkus' native launcher, configuring the executable through its environment ({@link
 * ContainerEnvironment}).
 */
public final class EnvironmentNativeLauncher extends DefaultNativeImageLauncher {

  private NativeImageInitContext context;

  @Override
  public void init(NativeImageInitContext context) {
    this.context = context;
    super.init(context);
  }

  @Override
  public void includeAsSysProps(Map<String, String> properties) {
    context =
        ContainerEnvironment.withEnvironment(NativeImageInitContext.class, context, properties);
    super.init(context);
  }
}
