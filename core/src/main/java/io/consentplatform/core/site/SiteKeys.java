package io.consentplatform.core.site;

import java.util.regex.Pattern;

/** What a site key looks like, checked before any lookup: a malformed key names no site. */
public final class SiteKeys {

  /** Lower-case letters, digits and dashes, 2 to 63, as the database's check constraint says. */
  public static final String PATTERN = "[a-z0-9][a-z0-9-]{1,62}";

  private static final Pattern KEY = Pattern.compile(PATTERN);

  private SiteKeys() {}

  /** Whether {@code key} could name a site at all. */
  public static boolean wellFormed(String key) {
    return key != null && key.length() <= 63 && KEY.matcher(key).matches();
  }
}
