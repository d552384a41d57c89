package io.consentplatform.admin;

import io.quarkus.qute.TemplateExtension;

/**
 * {@code name} of any enum constant, as pages compare it ({@code cookie.party.name ==
 * 'THIRD_PARTY'}). Qute's generated resolvers leave out what an enum inherits from {@link Enum},
 * even under {@code @TemplateData}; the JVM then read it by reflection, the native executable
 * cannot.
 */
@TemplateExtension
public final class EnumNames {

  private EnumNames() {}

  public static String name(Enum<?> constant) {
    return constant.name();
  }
}
