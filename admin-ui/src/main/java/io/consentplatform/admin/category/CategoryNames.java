package io.consentplatform.admin.category;

import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.category.CategoryView;
import io.consentplatform.core.site.SiteView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A site's categories as records name them: consent records and statistics hold category keys;
 * pages show the categories' names, always in the site's order (the banner's).
 */
public final class CategoryNames {

  /** One category's choice in a record: its key, its name, and whether it was granted. */
  public record Choice(String key, String name, boolean granted) {}

  /** Names by key, in the site's order. */
  private final Map<String, String> names;

  private CategoryNames(Map<String, String> names) {
    this.names = names;
  }

  /** The site's categories as {@code CategoryService.list} gives them, in the site's order. */
  public static CategoryNames of(List<CategoryView> categories, SiteView site) {
    Map<String, String> names = new LinkedHashMap<>();
    for (CategoryView category : categories) {
      names.put(category.key(), nameOf(category, site));
    }
    return new CategoryNames(names);
  }

  /**
   * The category's name in the person's language when the site has it, else in the site's default
   * language, else its key.
   */
  public static String nameOf(CategoryView category, SiteView site) {
    String language = AdminLanguage.current().code();
    CategoryText text = category.texts().get(language);
    if (text == null) {
      text = category.texts().get(site.defaultLanguage());
    }
    return text == null || text.name() == null || text.name().isBlank()
        ? category.key()
        : text.name();
  }

  /** The name of the category with this key; the key itself for a category since removed. */
  public String name(String key) {
    return names.getOrDefault(key, key);
  }

  /**
   * A record's choices in the site's order; categories the site no longer has come last, by key, so
   * that nothing recorded is hidden.
   */
  public List<Choice> choices(Map<String, Boolean> recorded) {
    return ordered(recorded.keySet()).stream()
        .map(key -> new Choice(key, name(key), Boolean.TRUE.equals(recorded.get(key))))
        .toList();
  }

  /** These keys in the site's order, then those of categories it no longer has, by key. */
  public List<String> ordered(Collection<String> keys) {
    Set<String> others = new TreeSet<>(keys);
    List<String> ordered = new ArrayList<>();
    for (String key : names.keySet()) {
      if (others.remove(key)) {
        ordered.add(key);
      }
    }
    ordered.addAll(others);
    return ordered;
  }
}
