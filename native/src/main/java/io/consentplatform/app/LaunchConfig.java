package io.consentplatform.app;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration {@link ConsentPlatformMain} reads before Quarkus starts: system properties,
 * then the environment, then {@code application.properties}, as Quarkus orders them.
 *
 * <p>Why not {@code ConfigProvider.getConfig()}: in the native executable, before Quarkus starts,
 * that is the configuration frozen into the image when it was built, and it holds no environment
 * variable of the container it runs in. A container gets its database through the environment (the
 * Kubernetes manifests pass a Secret that way), so the executable refused to start. Built here, the
 * same sources are read in every mode.
 */
final class LaunchConfig {

  /** Quarkus' ordinals: system properties over the environment over the application's file. */
  private static final int SYSTEM = 400;

  private static final int ENVIRONMENT = 300;
  private static final int APPLICATION = 250;

  private LaunchConfig() {}

  /** What this process was started with. */
  static SmallRyeConfig read() {
    return read(System.getenv(), System.getProperties());
  }

  /** Reads {@code environment} and {@code system} properties over the application's file. */
  static SmallRyeConfig read(Map<String, String> environment, Properties system) {
    SmallRyeConfigBuilder builder =
        new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(copy(system), "system properties", SYSTEM))
            .withSources(new EnvConfigSource(environment, ENVIRONMENT));
    URL file = LaunchConfig.class.getClassLoader().getResource("application.properties");
    if (file != null) {
      try {
        builder.withSources(new PropertiesConfigSource(file, APPLICATION));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return builder.build();
  }

  /** A snapshot: the launcher sets system properties while it reads. */
  private static Properties copy(Properties system) {
    Properties copy = new Properties();
    copy.putAll(system);
    return copy;
  }
}
