package io.consentplatform.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What changed between two snapshots of a site's policy: what a tenant reviews before publishing,
 * and what a regulator may ask about two versions.
 *
 * @param settings the site settings that differ (name, languages, lifetime...)
 * @param texts the languages whose texts differ, were added or were removed
 */
public record PolicyDiff(
    String from,
    String to,
    List<String> settings,
    List<String> texts,
    Changes categories,
    Changes providers,
    Changes cookies) {

  /** Keys added, removed, and present in both with another content. */
  public record Changes(List<String> added, List<String> removed, List<String> changed) {}

  public boolean isEmpty() {
    return settings.isEmpty()
        && texts.isEmpty()
        && categories.added().isEmpty()
        && categories.removed().isEmpty()
        && categories.changed().isEmpty()
        && providers.added().isEmpty()
        && providers.removed().isEmpty()
        && providers.changed().isEmpty()
        && cookies.added().isEmpty()
        && cookies.removed().isEmpty()
        && cookies.changed().isEmpty();
  }

  static PolicyDiff between(
      String fromLabel, PolicySnapshot from, String toLabel, PolicySnapshot to) {
    List<String> settings = new ArrayList<>();
    PolicySnapshot.SiteEntry a = from.site();
    PolicySnapshot.SiteEntry b = to.site();
    compare(settings, "name", a.name(), b.name());
    compare(settings, "languages", a.languages(), b.languages());
    compare(settings, "defaultLanguage", a.defaultLanguage(), b.defaultLanguage());
    compare(settings, "consentLifetimeDays", a.consentLifetimeDays(), b.consentLifetimeDays());
    TreeSet<String> languages = new TreeSet<>(from.texts().keySet());
    languages.addAll(to.texts().keySet());
    List<String> texts =
        languages.stream()
            .filter(l -> !Objects.equals(from.texts().get(l), to.texts().get(l)))
            .toList();
    return new PolicyDiff(
        fromLabel,
        toLabel,
        settings,
        texts,
        changes(from.categories(), to.categories(), PolicySnapshot.CategoryEntry::key),
        changes(from.providers(), to.providers(), PolicySnapshot.ProviderEntry::name),
        changes(
            from.cookies(),
            to.cookies(),
            c -> c.domain() == null ? c.name() : c.name() + "@" + c.domain()));
  }

  private static void compare(List<String> changed, String field, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      changed.add(field);
    }
  }

  private static <T> Changes changes(List<T> from, List<T> to, Function<T, String> key) {
    Map<String, T> before = index(from, key);
    Map<String, T> after = index(to, key);
    List<String> added = after.keySet().stream().filter(k -> !before.containsKey(k)).toList();
    List<String> removed = before.keySet().stream().filter(k -> !after.containsKey(k)).toList();
    List<String> changed =
        after.keySet().stream()
            .filter(k -> before.containsKey(k) && !before.get(k).equals(after.get(k)))
            .toList();
    return new Changes(added, removed, changed);
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    Map<String, T> index = new LinkedHashMap<>();
    items.forEach(item -> index.put(key.apply(item), item));
    return index;
  }
}
