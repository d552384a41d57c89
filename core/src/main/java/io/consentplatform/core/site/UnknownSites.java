package io.consentplatform.core.site;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys found to name no site, remembered apart from the sites that exist: a flood of random
 * keys fills this set, is forgotten when it is full, and never pushes a real site out of memory.
 */
public final class UnknownSites {

  private final int capacity;
  private final Set<String> keys = ConcurrentHashMap.newKeySet();

  public UnknownSites(int capacity) {
    this.capacity = capacity;
  }

  public boolean contains(String siteKey) {
    return keys.contains(siteKey);
  }

  public void add(String siteKey) {
    if (keys.size() >= capacity) {
      keys.clear();
    }
    keys.add(siteKey);
  }

  public void remove(String siteKey) {
    keys.remove(siteKey);
  }

  public void clear() {
    keys.clear();
  }
}
