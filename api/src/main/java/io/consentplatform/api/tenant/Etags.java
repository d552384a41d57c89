package io.consentplatform.api.tenant;

import jakarta.ws.rs.BadRequestException;

/** Entity versions as HTTP entity tags: {@code ETag: "3"} out, {@code If-Match: "3"} in. */
public final class Etags {

  private Etags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /** The version a client edits, from its If-Match header; null when it sent none. */
  public static Long expected(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new BadRequestException("If-Match must be an ETag this API gave, such as \"3\"");
    }
  }
}
