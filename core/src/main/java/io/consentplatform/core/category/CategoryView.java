package io.consentplatform.core.category;

import java.util.Map;

/** A category as the management API shows it. */
public record CategoryView(
    long id,
    long siteId,
    String key,
    Purpose purpose,
    boolean required,
    boolean sensitive,
    int position,
    Map<String, CategoryText> texts,
    long version) {

  public static CategoryView of(Category category) {
    return new CategoryView(
        category.id,
        category.site.id,
        category.key,
        category.purpose,
        category.required,
        category.sensitive,
        category.position,
        Map.copyOf(category.texts),
        category.version);
  }
}
