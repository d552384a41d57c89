package io.consentplatform.app;

import io.quarkus.test.common.ArtifactLauncher.InitContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Configuration handed to the packaged platform the way a container hands it: as environment
 * variables. Quarkus' launchers pass what test resources and profiles configure as {@code -D}
 * system properties, a path no deployment takes; the native executable once honoured only that one
 * and ignored its Kubernetes Secret. The launchers below ({@link EnvironmentJarLauncher}, {@link
 * EnvironmentNativeLauncher}, registered as services so every {@code @QuarkusIntegrationTest} here
 * uses them) move those properties into the environment instead.
 */
final class ContainerEnvironment {

  private ContainerEnvironment() {}

  /**
   * {@code context}, whose environment also holds {@code properties} under the names Quarkus reads
   * them from ({@code quarkus.datasource.jdbc.url} as {@code QUARKUS_DATASOURCE_JDBC_URL}).
   */
  static <C extends InitContext> C withEnvironment(
      Class<C> type, C context, Map<String, String> properties) {
    Map<String, String> environment = new HashMap<>(context.env());
    properties.forEach((key, value) -> environment.put(Platform.environmentName(key), value));
    Map<String, String> frozen = Map.copyOf(environment);
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, arguments) ->
                method.getName().equals("env") && method.getParameterCount() == 0
                    ? frozen
                    : delegate(method, context, arguments));
    return type.cast(proxy);
  }

  private static Object delegate(Method method, Object target, Object[] arguments)
      throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
