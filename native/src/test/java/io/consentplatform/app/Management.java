package io.consentplatform.app;

import org.eclipse.microprofile.config.ConfigProvider;

/** Where a test reaches the management interface (health, metrics): its own port, not the API's. */
final class Management {

  private Management() {}

  /** The address of {@code path} under the management root, e.g. {@code /health/ready}. */
  static String url(String path) {
    return ConfigProvider.getConfig().getValue("test.management.url", String.class) + path;
  }
}
