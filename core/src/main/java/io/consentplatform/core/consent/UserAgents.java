package io.consentplatform.core.consent;

import java.util.List;
import java.util.Map;

/** Reduces a User-Agent header to a browser family: enough for statistics, too coarse to track. */
final class UserAgents {

  // Order matters: Edge and Opera also claim to be Chrome, Chrome also claims to be Safari.
  private static final List<Map.Entry<String, String>> FAMILIES =
      List.of(
          Map.entry("Edg/", "Edge"),
          Map.entry("OPR/", "Opera"),
          Map.entry("Firefox/", "Firefox"),
          Map.entry("Chrome/", "Chrome"),
          Map.entry("Safari/", "Safari"),
          Map.entry("bot", "Bot"));

  private UserAgents() {}

  static String family(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return null;
    }
    for (Map.Entry<String, String> family : FAMILIES) {
      if (userAgent.contains(family.getKey())) {
        return family.getValue();
      }
    }
    return "Other";
  }
}
