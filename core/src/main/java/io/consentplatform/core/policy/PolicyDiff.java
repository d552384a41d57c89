package io.consentplatform.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consentplatform.core.cookie.RetentionFormat;
import io.consentplatform.core.db.DomainJson;
import io.consentplatform.core.region.RegionRule;
import io.consentplatform.core.region.RegionRules;
import io.consentplatform.core.site.SiteTheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What changed between two snapshots of a site's policy: what a tenant reviews before publishing,
 * and what a regulator may ask about two versions.
 *
 * @param settings the site settings that differ (name, languages, lifetime, rules by region...)
 * @param texts the languages whose texts differ, were added or were removed
 * @param fields every field that differs in the site, its texts, or a category, provider or cookie
 *     present in both, with its values before and after
 */
public record PolicyDiff(
    String from,
    String to,
    List<String> settings,
    List<String> texts,
    Changes categories,
    Changes providers,
    Changes cookies,
    List<FieldChange> fields) {

  // Snapshots keep a provider under its former name, "service", so that old versions still verify.
  private static final Map<String, String> JSON_NAMES = Map.of("service", "provider");

  /** Keys added, removed, and present in both with another content. */
  public record Changes(List<String> added, List<String> removed, List<String> changed) {}

  /**
   * One field that differs between the two versions.
   *
   * @param item {@code site}, {@code category}, {@code provider} or {@code cookie}
   * @param key the site's, category's or provider's key, or the cookie's name (and domain), as the
   *     lists of {@link Changes} name them
   * @param field the field's name, such as {@code retention} or {@code bannerTitle}; a field within
   *     a field reads {@code outer.inner}
   * @param language the language of a text; null for a field that is not a text
   * @param before the value before, as text; null when it had none
   * @param after the value after, as text; null when it has none
   */
  public record FieldChange(
      String item, String key, String field, String language, String before, String after) {}

  /** The fields that differ in one item, as the back office lists them under it. */
  public List<FieldChange> fieldsOf(String item, String key) {
    return fields.stream().filter(f -> f.item().equals(item) && f.key().equals(key)).toList();
  }

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
    compare(settings, "refusalLifetimeDays", a.refusalLifetimeDays(), b.refusalLifetimeDays());
    compare(settings, "regionRules", a.regionRules(), b.regionRules());
    compare(settings, "cookieDomain", a.cookieDomain(), b.cookieDomain());
    compare(settings, "signals", a.signals(), b.signals());
    compare(settings, "theme", a.theme(), b.theme());
    TreeSet<String> languages = new TreeSet<>(from.texts().keySet());
    languages.addAll(to.texts().keySet());
    List<String> texts =
        languages.stream()
            .filter(l -> !Objects.equals(from.texts().get(l), to.texts().get(l)))
            .toList();
    List<FieldChange> fields = new ArrayList<>();
    List<FieldChange> siteFields = new ArrayList<>();
    fields(siteFields, "site", b.key(), a, b);
    siteFields.stream().filter(f -> settings.contains(f.field())).forEach(fields::add);
    for (String language : texts) {
      if (from.texts().containsKey(language) && to.texts().containsKey(language)) {
        fields(
            fields,
            "site",
            b.key(),
            "texts." + language,
            from.texts().get(language),
            to.texts().get(language));
      }
    }
    fieldsOfKept(
        fields, "category", from.categories(), to.categories(), PolicySnapshot.CategoryEntry::key);
    fieldsOfKept(
        fields, "provider", from.providers(), to.providers(), PolicySnapshot.ProviderEntry::name);
    fieldsOfKept(fields, "cookie", from.cookies(), to.cookies(), PolicyDiff::cookieKey);
    return new PolicyDiff(
        fromLabel,
        toLabel,
        settings,
        texts,
        changes(from.categories(), to.categories(), PolicySnapshot.CategoryEntry::key),
        changes(from.providers(), to.providers(), PolicySnapshot.ProviderEntry::name),
        changes(from.cookies(), to.cookies(), PolicyDiff::cookieKey),
        fields);
  }

  /**
   * A site's rules by region as one line: {@code EU, EEA: opt-in; US: opt-out; otherwise: none}.
   */
  static String rulesLine(RegionRules rules) {
    List<String> parts = new ArrayList<>();
    for (RegionRule rule : rules.rules()) {
      parts.add(String.join(", ", rule.regions()) + ": " + rule.experience().wireName());
    }
    parts.add("otherwise: " + rules.otherwise().wireName());
    return String.join("; ", parts);
  }

  /**
   * A banner's look as one line ("BAR, background #ffffff, radius 4"): the theme's members read
   * together, as the tenant sets them on one page.
   */
  static String themeLine(SiteTheme theme) {
    List<String> parts = new ArrayList<>();
    parts.add(String.valueOf(theme.layout()));
    DomainJson.mapper()
        .valueToTree(theme)
        .fields()
        .forEachRemaining(
            member -> {
              if (!member.getKey().equals("layout")) {
                parts.add(member.getKey() + " " + member.getValue().asText());
              }
            });
    return String.join(", ", parts);
  }

  /** How a diff names a cookie: its name, and its domain when it declares one. */
  static String cookieKey(PolicySnapshot.CookieEntry cookie) {
    return cookie.domain() == null ? cookie.name() : cookie.name() + "@" + cookie.domain();
  }

  private static <T> void fieldsOfKept(
      List<FieldChange> fields, String item, List<T> from, List<T> to, Function<T, String> key) {
    Map<String, T> before = index(from, key);
    for (T after : to) {
      T was = before.get(key.apply(after));
      if (was != null) {
        fields(fields, item, key.apply(after), was, after);
      }
    }
  }

  private static void fields(
      List<FieldChange> fields, String item, String key, Object a, Object b) {
    fields(fields, item, key, "", a, b);
  }

  /**
   * Compares two entries field by field as their JSON holds them, so that a field added to an entry
   * shows here without a change; texts ({@code texts.<language>.<field>}) name their language.
   */
  private static void fields(
      List<FieldChange> fields, String item, String key, String path, Object a, Object b) {
    Map<String, String> before = flat(tree(a), path);
    Map<String, String> after = flat(tree(b), path);
    Set<String> names = new LinkedHashSet<>(before.keySet());
    names.addAll(after.keySet());
    for (String name : names) {
      String was = before.get(name);
      String is = after.get(name);
      if (!Objects.equals(was, is)) {
        String[] parts = name.split("\\.");
        boolean text = parts.length == 3 && parts[0].equals("texts");
        fields.add(
            new FieldChange(
                item,
                key,
                text ? parts[2] : JSON_NAMES.getOrDefault(name, name),
                text ? parts[1] : null,
                was,
                is));
      }
    }
  }

  /**
   * An entry as its JSON holds it, but a cookie's retention as a person reads it ("13 months"), not
   * as its unit, amount and notes apart, and a site's rules by region as one line ("EU: opt-in; US:
   * opt-out; otherwise: opt-in"): a rule moved up or down is a change of the whole list.
   */
  private static JsonNode tree(Object entry) {
    JsonNode node = DomainJson.mapper().valueToTree(entry);
    if (entry instanceof PolicySnapshot.SiteEntry site && node instanceof ObjectNode object) {
      object.put("regionRules", rulesLine(site.regionRules()));
      object.put("theme", themeLine(site.theme()));
    }
    if (entry instanceof PolicySnapshot.CookieEntry cookie
        && cookie.retention() != null
        && node instanceof ObjectNode object) {
      object.put("retention", RetentionFormat.format(cookie.retention(), "en", "en"));
    }
    return node;
  }

  /** Every value of {@code node} by its dotted path; lists read as one comma-separated value. */
  private static Map<String, String> flat(JsonNode node, String path) {
    Map<String, String> values = new LinkedHashMap<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return values;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        values.putAll(
            flat(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey()));
      }
    } else if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(n -> items.add(n.isValueNode() ? n.asText() : n.toString()));
      values.put(path, String.join(", ", items));
    } else {
      values.put(path, node.asText());
    }
    return values;
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
