package io.consentplatform.core.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One field of an audited object that a change set, altered or cleared: its path in the object as
 * the API shows it ({@code retention}, {@code texts.fr.purposes}) and its values before and after
 * (null for none). Lists are compared and shown whole.
 *
 * @param path the field's names from the object down, e.g. {@code [texts, fr, purposes]}
 */
public record FieldChange(List<String> path, Object before, Object after) {

  /**
   * Bookkeeping every view carries and no reader of the trail cares about: the object's own id and
   * its site's, and the counter behind {@code If-Match}, which every change increments.
   */
  private static final Set<String> BOOKKEEPING = Set.of("id", "siteId", "version");

  /** The field's own name, the last of its path. */
  public String field() {
    return path.get(path.size() - 1);
  }

  /**
   * The fields that differ between two views of an object (either may be null: a creation, a
   * deletion), in the order the views hold them.
   */
  static List<FieldChange> between(Map<String, Object> before, Map<String, Object> after) {
    Map<List<String>, Object> old = leaves(before);
    Map<List<String>, Object> now = leaves(after);
    Set<List<String>> paths = new LinkedHashSet<>(now.keySet());
    paths.addAll(old.keySet());
    List<FieldChange> changes = new ArrayList<>();
    for (List<String> path : paths) {
      if (!BOOKKEEPING.contains(path.get(0)) && !Objects.equals(old.get(path), now.get(path))) {
        changes.add(new FieldChange(path, old.get(path), now.get(path)));
      }
    }
    return changes;
  }

  private static Map<List<String>, Object> leaves(Map<String, Object> view) {
    Map<List<String>, Object> leaves = new LinkedHashMap<>();
    if (view != null) {
      collect(List.of(), view, leaves);
    }
    return leaves;
  }

  private static void collect(List<String> prefix, Map<?, ?> map, Map<List<String>, Object> into) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      List<String> path = new ArrayList<>(prefix);
      path.add(String.valueOf(entry.getKey()));
      if (entry.getValue() instanceof Map<?, ?> nested) {
        collect(path, nested, into);
      } else if (entry.getValue() != null) {
        into.put(List.copyOf(path), entry.getValue());
      }
    }
  }
}
