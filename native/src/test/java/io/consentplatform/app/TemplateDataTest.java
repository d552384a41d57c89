package io.consentplatform.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.CheckedTemplate;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every class of ours a template reads is public. Qute generates a value resolver only for public
 * classes and reads the others through reflection, which works on the JVM and fails in the native
 * executable ("Property not found on the base object"): the public policy page once answered 500
 * there. This finds the classes without a native build: the parameters of every checked template,
 * then, recursively, what their record components, public fields and public getters return.
 */
class TemplateDataTest {

  private static final String OURS = "io.consentplatform.";

  @Test
  void shouldMakeEveryClassATemplateReadsPublic() throws Exception {
    Set<Class<?>> read = readByTemplates(checkedTemplates());
    Set<String> hidden = new TreeSet<>();
    for (Class<?> type : read) {
      for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
        if (!Modifier.isPublic(c.getModifiers())) {
          hidden.add(type.getName());
        }
      }
    }
    assertEquals(Set.of(), hidden, "classes templates read, but not public: make them public");
  }

  /** The walk must see the policy page's view, or it proves nothing. */
  @Test
  void shouldFindTheClassesThePolicyPageReads() throws Exception {
    Set<String> names = new TreeSet<>();
    readByTemplates(checkedTemplates()).forEach(c -> names.add(c.getSimpleName()));
    assertTrue(
        names.containsAll(List.of("PolicyView", "CookieRow", "CategorySection", "LanguageLink")),
        "found: " + names);
  }

  private static List<Class<?>> checkedTemplates() throws Exception {
    return OurClasses.all().stream()
        .filter(c -> c.isAnnotationPresent(CheckedTemplate.class))
        .toList();
  }

  private static Set<Class<?>> readByTemplates(List<Class<?>> templates) {
    Deque<Type> toVisit = new ArrayDeque<>();
    for (Class<?> template : templates) {
      for (Method method : template.getDeclaredMethods()) {
        if (Modifier.isNative(method.getModifiers())) {
          toVisit.addAll(List.of(method.getGenericParameterTypes()));
        }
      }
    }
    Set<Class<?>> seen = new LinkedHashSet<>();
    while (!toVisit.isEmpty()) {
      Type type = toVisit.pop();
      if (type instanceof ParameterizedType parameterized) {
        toVisit.push(parameterized.getRawType());
        toVisit.addAll(List.of(parameterized.getActualTypeArguments()));
      } else if (type instanceof WildcardType wildcard) {
        toVisit.addAll(List.of(wildcard.getUpperBounds()));
      } else if (type instanceof GenericArrayType array) {
        toVisit.push(array.getGenericComponentType());
      } else if (type instanceof Class<?> c) {
        if (c.isArray()) {
          toVisit.push(c.getComponentType());
        } else if (c.getName().startsWith(OURS) && seen.add(c)) {
          toVisit.addAll(membersOf(c));
        }
      }
    }
    return seen;
  }

  /** What a template can read of {@code c}: components, public fields, public getters. */
  private static List<Type> membersOf(Class<?> c) {
    List<Type> members = new java.util.ArrayList<>();
    if (c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        members.add(component.getGenericType());
      }
    }
    for (Field field : c.getFields()) {
      members.add(field.getGenericType());
    }
    for (Method method : c.getMethods()) {
      if (method.getParameterCount() == 0
          && !Modifier.isStatic(method.getModifiers())
          && method.getDeclaringClass().getName().startsWith(OURS)) {
        members.add(method.getGenericReturnType());
      }
    }
    return members;
  }
}
