package io.consentplatform.core.testing;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import io.consentplatform.core.db.DomainJson;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes every test that writes or reads one of our objects through {@link DomainJson} fail where
 * the native executable would. Quarkus registers the REST layer's types for reflection by itself,
 * but not what the platform turns into JSON on its own (webhook events, tree heads, export files,
 * snapshots): on the JVM Jackson reads any class, while the native executable finds no properties
 * on an unregistered one and refuses it. That fault kept the ledger from ever sealing natively (a
 * tree head inside a webhook event). This guard throws for any of our bean classes that is neither
 * annotated {@code @RegisterForReflection} (itself or a class it is nested in) nor named in {@code
 * JsonTypes}.
 */
@Singleton
public class DomainJsonWithoutReflection {

  private static final String OURS = "io.consentplatform.";

  void guard(@Observes StartupEvent started) {
    Set<Class<?>> listed = listedInJsonTypes();
    SimpleModule module = new SimpleModule("domain-json-without-reflection");
    module.setSerializerModifier(
        new BeanSerializerModifier() {
          @Override
          public List<BeanPropertyWriter> changeProperties(
              SerializationConfig config, BeanDescription bean, List<BeanPropertyWriter> props) {
            check(bean.getBeanClass(), listed, "written");
            return props;
          }
        });
    module.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public BeanDeserializerBuilder updateBuilder(
              DeserializationConfig config, BeanDescription bean, BeanDeserializerBuilder builder) {
            check(bean.getBeanClass(), listed, "read");
            return builder;
          }
        });
    DomainJson.mapper().registerModule(module);
  }

  private static void check(Class<?> type, Set<Class<?>> listed, String how) {
    if (!type.getName().startsWith(OURS)) {
      return;
    }
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      RegisterForReflection own = c.getAnnotation(RegisterForReflection.class);
      if (listed.contains(c)
          || own != null && own.targets().length == 0 && own.classNames().length == 0) {
        return; // nested classes come along with the class they are declared in
      }
    }
    throw new IllegalStateException(
        type.getName()
            + " is "
            + how
            + " as JSON by DomainJson, which the native executable can only do for classes"
            + " registered for reflection: list it in JsonTypes or annotate it"
            + " @RegisterForReflection");
  }

  private static Set<Class<?>> listedInJsonTypes() {
    try {
      RegisterForReflection list =
          Class.forName("io.consentplatform.core.db.JsonTypes")
              .getAnnotation(RegisterForReflection.class);
      return Arrays.stream(list.targets()).collect(Collectors.toSet());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("core's list of JSON types moved", e);
    }
  }
}
