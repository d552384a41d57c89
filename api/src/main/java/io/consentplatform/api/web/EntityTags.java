package io.consentplatform.api.web;

import io.consentplatform.core.hash.Sha256;
import jakarta.ws.rs.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Every HTTP entity tag of the API: the version of an entity a tenant edits ({@code ETag: "3"} out,
 * {@code If-Match: "3"} in), the digest of a public document, and whether a client already holds
 * one ({@code If-None-Match}).
 */
public final class EntityTags {

  private EntityTags() {}

  /** The tag of an entity's version. */
  public static String ofVersion(long version) {
    return "\"" + version + "\"";
  }

  /** The version a client edits, from its If-Match header; null when it sent none. */
  public static Long expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String tag = stripWeak(ifMatch.strip());
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new BadRequestException("If-Match must be an ETag this API gave, such as \"3\"");
    }
  }

  /** A strong tag from the representation itself, so that a new format also changes it. */
  public static String ofContent(byte[] content) {
    return "\"" + HexFormat.of().formatHex(Sha256.digest(content), 0, 16) + "\"";
  }

  /** The tag of a text, from its UTF-8 bytes. */
  public static String ofContent(String content) {
    return ofContent(content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether {@code If-None-Match} names {@code etag}. Uses the weak comparison RFC 9110 asks for
   * here, so that a proxy that weakened the tag (after compressing, say) still gets its 304.
   */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || stripWeak(tag).equals(stripWeak(etag))) {
        return true;
      }
    }
    return false;
  }

  private static String stripWeak(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
