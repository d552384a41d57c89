package io.consentplatform.core.net;

import io.consentplatform.core.CoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * What the reverse proxies in front of the platform say about a request: the client's address
 * ({@code X-Forwarded-For}) and whether the browser spoke HTTPS ({@code X-Forwarded-Proto}). Only
 * the configured proxies ({@code consent.trusted-proxies}) are believed: anyone can write the
 * headers. The rate limit, the address recorded with a decision, the {@code Secure} cookie flag and
 * HSTS all read this one list.
 */
@ApplicationScoped
public class TrustedProxies {

  private static final Logger LOG = Logger.getLogger(TrustedProxies.class);

  /** An address range, e.g. 10.0.0.0/8 or a single address. */
  record Range(byte[] network, int prefix) {

    static Range parse(String text) {
      String[] parts = text.strip().split("/", 2);
      byte[] address = literal(parts[0]);
      if (address == null) {
        throw new IllegalArgumentException("Not an IP address: " + text);
      }
      int prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : address.length * 8;
      if (prefix < 0 || prefix > address.length * 8) {
        throw new IllegalArgumentException("Not a prefix length: " + text);
      }
      return new Range(address, prefix);
    }

    boolean contains(byte[] address) {
      if (address == null || address.length != network.length) {
        return false;
      }
      // Whole bytes of the prefix first, then the leading bits of the byte it ends in.
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int bits = prefix % 8;
      int mask = (0xff << (8 - bits)) & 0xff;
      return bits == 0 || (address[whole] & mask) == (network[whole] & mask);
    }
  }

  private final List<Range> trusted;
  private final AtomicBoolean warned = new AtomicBoolean();

  @Inject
  public TrustedProxies(CoreConfig config) {
    this(config.trustedProxies().orElse(List.of()));
  }

  public TrustedProxies(List<String> trustedProxies) {
    this.trusted = trustedProxies.stream().filter(s -> !s.isBlank()).map(Range::parse).toList();
  }

  /** Whether {@code address} (an IP literal) is one of the configured proxies. */
  public boolean trusts(String address) {
    // Asked for every banner and decision: with no proxy configured, nothing to parse.
    if (trusted.isEmpty()) {
      return false;
    }
    byte[] bytes = literal(address);
    if (bytes == null) {
      return false;
    }
    for (Range range : trusted) {
      if (range.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The client of a request, given the peer's address and the forwarded chain it sent (may be
   * null): the nearest address in the chain that is not one of our proxies, or the peer itself.
   */
  public String client(String peer, String forwardedFor) {
    if (peer == null || forwardedFor == null) {
      return peer;
    }
    if (!trusts(peer)) {
      warnOnce(peer);
      return peer;
    }
    // Each proxy appends the address it received from: read from the right, skip our own proxies.
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (literal(hop) == null) {
        return peer; // a forged or broken chain: believe only what we saw ourselves
      }
      if (!trusts(hop)) {
        return hop;
      }
    }
    return peer;
  }

  /**
   * Whether the browser reached the platform over HTTPS: the connection itself is TLS, or a trusted
   * proxy that terminated TLS says so in {@code X-Forwarded-Proto} (the value it appended last).
   */
  public boolean secure(String peer, boolean tls, String forwardedProto) {
    if (tls) {
      return true;
    }
    if (forwardedProto == null || peer == null || !trusts(peer)) {
      return false;
    }
    String[] values = forwardedProto.split(",");
    return values[values.length - 1].strip().equalsIgnoreCase("https");
  }

  /**
   * Every visitor behind a load balancer that is not configured as trusted shares its address: one
   * rate-limit bucket for all, and real decisions refused. Said once, at the first such request.
   */
  private void warnOnce(String peer) {
    if (warned.compareAndSet(false, true)) {
      LOG.warnf(
          "A request from %s carries X-Forwarded-For, but %s is not a trusted proxy: the header is"
              + " ignored and the peer's address is used. If a load balancer or reverse proxy"
              + " stands in front of the platform, add its address or range to"
              + " consent.trusted-proxies, or all its visitors share one rate limit.",
          peer, peer);
    }
  }

  /** Whether the warning about an untrusted forwarding peer was given (for tests). */
  boolean warned() {
    return warned.get();
  }

  /** The bytes of an IP literal, or null for anything else (never a DNS lookup). */
  public static byte[] literal(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return null;
    }
    boolean v4 = true;
    boolean v6 = text.indexOf(':') >= 0;
    int dots = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      dots += c == '.' ? 1 : 0;
      v4 &= (c >= '0' && c <= '9') || c == '.';
      v6 &= Character.digit(c, 16) >= 0 || c == ':' || c == '.';
    }
    if (!v4 && !v6) {
      return null;
    }
    if (v4 && dots != 3) {
      return null;
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
