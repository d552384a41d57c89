package io.consentplatform.core.site;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The domains a site declares, in the one form a browser's {@code Origin} is compared with: the
 * host, and the port only when the pages are served on another port than their scheme's default
 * ({@code www.example.org}, {@code localhost:8080}). Matching is exact on that pair, so a domain
 * without a port does not cover the same host on another port.
 */
public final class SiteDomains {

  /**
   * Names reserved for tests, documentation and private networks (RFC 2606, 6761, 6762 and ICANN's
   * {@code .internal}): not in the public suffix list, yet a site may well be served under them.
   */
  private static final Set<String> LOCAL_TOP_LEVEL =
      Set.of("localhost", "test", "example", "internal", "local");

  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  /** Why a domain is refused, with the key of its message in {@code ValidationMessages}. */
  public enum Fault {
    NOT_A_HOST("consent.domain.notAHost"),
    EMPTY_LABEL("consent.domain.emptyLabel"),
    BAD_LABEL("consent.domain.badLabel"),
    TOO_LONG("consent.domain.tooLong"),
    BAD_PORT("consent.domain.badPort"),
    UNKNOWN_SUFFIX("consent.domain.unknownSuffix"),
    PUBLIC_SUFFIX("consent.domain.publicSuffix");

    private final String messageKey;

    Fault(String messageKey) {
      this.messageKey = messageKey;
    }

    public String messageKey() {
      return messageKey;
    }
  }

  private SiteDomains() {}

  /** Each domain as it is kept ({@link #normalize}), without repetitions; null stays null. */
  public static List<String> normalize(List<String> typed) {
    return typed == null ? null : typed.stream().map(SiteDomains::normalize).distinct().toList();
  }

  /**
   * The domain a tenant means by what they typed: a pasted address ({@code
   * https://www.example.org/page}) gives its host and port ({@code www.example.org}), a default
   * port ({@code :443} with {@code https}) is left out as browsers leave it out of origins, an
   * internationalised name becomes its ASCII form, as browsers send it. What cannot be read is
   * returned as typed, for validation to refuse.
   */
  public static String normalize(String typed) {
    if (typed == null) {
      return null;
    }
    String domain = typed.strip().toLowerCase(Locale.ROOT);
    int scheme = domain.indexOf("://");
    if (scheme > 0) {
      try {
        URI uri = new URI(domain);
        String host = uri.getHost();
        if (host == null) {
          return domain;
        }
        int port = uri.getPort();
        boolean defaultPort =
            port == -1
                || ("http".equals(uri.getScheme()) && port == 80)
                || ("https".equals(uri.getScheme()) && port == 443);
        domain = defaultPort ? host : host + ":" + port;
      } catch (URISyntaxException unreadable) {
        return domain;
      }
    } else {
      // "www.example.org/page": the path goes, the host stays.
      int end = indexOfAny(domain, "/?#");
      if (end > 0) {
        domain = domain.substring(0, end);
      }
    }
    if (domain.startsWith("[")) {
      return domain; // an IPv6 literal: nothing more to tidy
    }
    int colon = domain.lastIndexOf(':');
    String host = colon < 0 ? domain : domain.substring(0, colon);
    String port = colon < 0 ? "" : domain.substring(colon);
    if (host.endsWith(".") && !host.endsWith("..")) {
      host = host.substring(0, host.length() - 1); // the root's dot, which origins never carry
    }
    try {
      host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (RuntimeException notAName) {
      // Left as typed, whatever IDN found wrong with it: validation says what. Normalising runs
      // while a request body is read, where an exception would not name the field.
    }
    return host + port;
  }

  /** What is wrong with a domain as kept ({@link #normalize}), if anything. */
  public static Optional<Fault> fault(String domain) {
    if (domain == null || domain.isEmpty() || indexOfAny(domain, "/?#@ ") >= 0) {
      return Optional.of(Fault.NOT_A_HOST); // an address that could not be read as one
    }
    String host;
    String port = null;
    if (domain.startsWith("[")) {
      int close = domain.indexOf(']');
      if (close < 0 || !InetAddresses.isInetAddress(domain.substring(1, close))) {
        return Optional.of(Fault.NOT_A_HOST);
      }
      String rest = domain.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        return Optional.of(Fault.NOT_A_HOST);
      }
      return rest.isEmpty() ? Optional.empty() : portFault(rest.substring(1));
    }
    int colon = domain.indexOf(':');
    if (colon >= 0) {
      if (domain.indexOf(':', colon + 1) >= 0) {
        return Optional.of(Fault.NOT_A_HOST); // an IPv6 address goes in brackets
      }
      host = domain.substring(0, colon);
      port = domain.substring(colon + 1);
    } else {
      host = domain;
    }
    Optional<Fault> fault = hostFault(host);
    if (fault.isPresent() || port == null) {
      return fault;
    }
    return portFault(port);
  }

  /**
   * Whether the page at {@code page} is served under one of {@code domains}: its host and port
   * (when not its scheme's default) equal one of them.
   */
  public static boolean declares(List<String> domains, URI page) {
    if (page == null
        || page.getHost() == null
        || page.getRawUserInfo() != null
        || !("https".equals(page.getScheme()) || "http".equals(page.getScheme()))) {
      return false;
    }
    String kept = normalize(page.getScheme() + "://" + page.getRawAuthority());
    return domains.stream().anyMatch(domain -> domain.equalsIgnoreCase(kept));
  }

  private static Optional<Fault> hostFault(String host) {
    if (host.isEmpty()) {
      return Optional.of(Fault.NOT_A_HOST);
    }
    if (host.length() > 253) {
      return Optional.of(Fault.TOO_LONG);
    }
    if (host.matches("[0-9.]+")) {
      return InetAddresses.isInetAddress(host) ? Optional.empty() : Optional.of(Fault.NOT_A_HOST);
    }
    String[] labels = host.split("\\.", -1);
    for (String label : labels) {
      if (label.isEmpty()) {
        return Optional.of(Fault.EMPTY_LABEL);
      }
      if (label.length() > 63 || !LABEL.matcher(label).matches()) {
        return Optional.of(Fault.BAD_LABEL);
      }
    }
    if (LOCAL_TOP_LEVEL.contains(labels[labels.length - 1])) {
      return Optional.empty();
    }
    InternetDomainName name;
    try {
      name = InternetDomainName.from(host);
    } catch (IllegalArgumentException refused) {
      return Optional.of(Fault.BAD_LABEL);
    }
    if (name.isPublicSuffix()) {
      return Optional.of(Fault.PUBLIC_SUFFIX);
    }
    if (!name.hasPublicSuffix()) {
      return Optional.of(Fault.UNKNOWN_SUFFIX);
    }
    return Optional.empty();
  }

  private static Optional<Fault> portFault(String port) {
    if (!PORT.matcher(port).matches()) {
      return Optional.of(Fault.BAD_PORT);
    }
    int number = Integer.parseInt(port);
    return number >= 1 && number <= 65535 ? Optional.empty() : Optional.of(Fault.BAD_PORT);
  }

  private static int indexOfAny(String text, String characters) {
    int first = -1;
    for (char c : characters.toCharArray()) {
      int at = text.indexOf(c);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }
}
