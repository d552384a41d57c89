package io.consentplatform.core.scan;

import java.util.List;

/**
 * A key of web storage, or an IndexedDB database, that a page's origin (or one of its frames) kept.
 *
 * @param origin the origin that holds it, such as {@code https://example.org}
 * @param name the storage key, or the database's name
 * @param pages the pages during whose visit it was seen
 */
public record ObservedStorage(Kind kind, String origin, String name, List<String> pages) {

  public enum Kind {
    LOCAL_STORAGE,
    SESSION_STORAGE,
    INDEXED_DB
  }
}
