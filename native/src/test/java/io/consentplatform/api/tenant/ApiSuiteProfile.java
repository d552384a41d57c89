package io.consentplatform.api.tenant;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What the api module's suites run with ({@code suite.properties}, from the api test-jar), given to
 * the packaged application their twins run against here: plans without limits by default, a
 * configured plan to find, the scanner and webhooks off.
 */
public class ApiSuiteProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    Properties suite = new Properties();
    try (InputStream in = ApiSuiteProfile.class.getResourceAsStream("suite.properties")) {
      if (in == null) {
        throw new IllegalStateException("suite.properties is missing from the api test-jar");
      }
      suite.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return suite.stringPropertyNames().stream()
        .collect(Collectors.toMap(name -> name, suite::getProperty));
  }
}
