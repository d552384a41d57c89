package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No static field of ours holds a random generator. The native executable initialises classes while
 * it is built, so such a generator would be built into it with its seed and give every process the
 * same numbers; GraalVM refuses to build (a demo cookie's SecureRandom stopped the first build).
 * This fails on the JVM, without a native build.
 */
class NativeHeapTest {

  @Test
  void shouldKeepNoRandomGeneratorInAStaticField() throws Exception {
    List<Class<?>> classes = OurClasses.all();
    assertTrue(classes.size() > 500, "the platform's classes are found: " + classes.size());
    TreeSet<String> generators = new TreeSet<>();
    for (Class<?> c : classes) {
      for (Field field : c.getDeclaredFields()) {
        Class<?> type = field.getType();
        if (Modifier.isStatic(field.getModifiers())
            && (Random.class.isAssignableFrom(type) || SplittableRandom.class.equals(type))) {
          generators.add(c.getName() + "." + field.getName());
        }
      }
    }
    assertEquals(
        new TreeSet<>(), generators, "make these per call or per bean instance, at run time");
  }
}
