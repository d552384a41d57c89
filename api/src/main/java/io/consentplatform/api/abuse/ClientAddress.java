package io.consentplatform.api.abuse;

import io.consentplatform.api.ApiConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address of the client behind a request: the peer, or, when the peer is a trusted reverse
 * proxy, the nearest address in {@code X-Forwarded-For} that is not one of ours. Only the
 * configured proxies are believed: anyone can write the header.
 */
@ApplicationScoped
public class ClientAddress {

  /** An address range, e.g. 10.0.0.0/8 or a single address. */
  record Range(byte[] network, int prefix) {

    static Range parse(String text) {
      String[] parts = text.strip().split("/", 2);
      byte[] address = literal(parts[0]);
      if (address == null) {
        throw new IllegalArgumentException("Not an IP address: " + text);
      }
      int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
      return new Range(address, prefix);
    }

    boolean contains(byte[] address) {
      if (address == null || address.length != network.length) {
        return false;
      }
      int bits = network.length * 8;
      BigInteger mask =
          BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
      return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
    }
  }

  private final List<Range> trusted;

  @Inject
  public ClientAddress(ApiConfig config) {
    this(config.trustedProxies().orElse(List.of()));
  }

  ClientAddress(List<String> trustedProxies) {
    this.trusted = trustedProxies.stream().filter(s -> !s.isBlank()).map(Range::parse).toList();
  }

  public String of(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    return resolve(peer, request.getHeader("X-Forwarded-For"));
  }

  /** The client, given the peer's address and the forwarded chain it sent (may be null). */
  String resolve(String peer, String forwardedFor) {
    if (peer == null || forwardedFor == null || !isTrusted(peer)) {
      return peer;
    }
    // Each proxy appends the address it received from: read from the right, skip our own proxies.
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (literal(hop) == null) {
        return peer; // a forged or broken chain: believe only what we saw ourselves
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return peer;
  }

  private boolean isTrusted(String address) {
    byte[] bytes = literal(address);
    return trusted.stream().anyMatch(range -> range.contains(bytes));
  }

  /** The bytes of an IP literal, or null for anything else (never a DNS lookup). */
  static byte[] literal(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return null;
    }
    boolean v4 = text.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    boolean v6 =
        text.indexOf(':') >= 0
            && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
    if (!v4 && !v6) {
      return null;
    }
    if (v4 && text.split("\\.", -1).length != 4) {
      return null;
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
