package io.consentplatform.core.net;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Which addresses the platform may connect to for a tenant (the scanner's browser, webhook
 * deliveries): public unicast ones only, unless private networks are allowed or the exact {@code
 * host:port} is one the scan may reach. A tenant decides what the platform's browser visits, so
 * everything else (private, loopback, link-local and cloud metadata addresses, and their IPv6
 * disguises) is refused.
 */
public final class AddressPolicy {

  private final boolean allowPrivateNetworks;
  private final Set<String> reachable;

  /**
   * @param reachable {@code host:port} pairs allowed on any address (lower case, port explicit)
   */
  public AddressPolicy(boolean allowPrivateNetworks, Set<String> reachable) {
    this.allowPrivateNetworks = allowPrivateNetworks;
    this.reachable =
        reachable.stream()
            .map(a -> a.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toSet());
  }

  /** An address the policy refuses, with the address it resolved to. */
  public static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The address to connect to for {@code host} on {@code port}: the first one it resolves to that
   * the policy permits. The caller connects to exactly this address, so a second lookup (DNS
   * rebinding) cannot lead elsewhere.
   *
   * @throws Refused when every address of the host is refused
   * @throws UnknownHostException when the host does not resolve
   */
  public InetAddress resolve(String host, int port) throws Refused, UnknownHostException {
    InetAddress[] candidates = lookup(host);
    boolean exempt = allowPrivateNetworks || reachable.contains(authority(host, port));
    for (InetAddress candidate : candidates) {
      if (exempt || isPublic(candidate)) {
        return candidate;
      }
    }
    throw new Refused(
        host + " resolves to " + candidates[0].getHostAddress() + ", a non-public address");
  }

  /** Whether {@code host:port} would be refused; a host that does not resolve is not refused. */
  public boolean refuses(String host, int port) {
    try {
      resolve(host, port);
      return false;
    } catch (Refused refused) {
      return true;
    } catch (UnknownHostException unknown) {
      return false;
    }
  }

  /** {@code host:port} as the reachable set holds it; an IPv6 literal keeps its brackets. */
  public static String authority(String host, int port) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.indexOf(':') >= 0 && !name.startsWith("[")) {
      name = "[" + name + "]";
    }
    return name + ":" + port;
  }

  /**
   * The addresses of a host. {@code localhost} and every name under it are loopback (RFC 6761),
   * whatever a DNS server says; literals are parsed, never looked up.
   */
  static InetAddress[] lookup(String host) throws UnknownHostException {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return new InetAddress[] {InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1})};
    }
    if (InetAddresses.isInetAddress(name)) {
      return new InetAddress[] {InetAddresses.forString(name)};
    }
    InetAddress[] found = InetAddress.getAllByName(name);
    if (found.length == 0) {
      throw new UnknownHostException(name);
    }
    return found;
  }

  /** Whether an address is public unicast: reachable on the Internet and nothing else. */
  public static boolean isPublic(InetAddress address) {
    if (address instanceof Inet4Address) {
      return isPublicV4(address.getAddress());
    }
    if (address instanceof Inet6Address) {
      return isPublicV6(address.getAddress());
    }
    return false;
  }

  private static boolean isPublicV4(byte[] a) {
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    int b2 = a[2] & 0xff;
    return !(b0 == 0 // "this network", 0.0.0.0 included
        || b0 == 10 // private
        || (b0 == 100 && (b1 & 0xc0) == 64) // carrier-grade NAT 100.64/10
        || b0 == 127 // loopback
        || (b0 == 169 && b1 == 254) // link-local, cloud metadata 169.254.169.254 included
        || (b0 == 172 && (b1 & 0xf0) == 16) // private 172.16/12
        || (b0 == 192 && b1 == 0 && b2 == 0) // IETF protocol assignments
        || (b0 == 192 && b1 == 0 && b2 == 2) // documentation
        || (b0 == 192 && b1 == 88 && b2 == 99) // 6to4 relay anycast
        || (b0 == 192 && b1 == 168) // private
        || (b0 == 198 && (b1 & 0xfe) == 18) // benchmarking 198.18/15
        || (b0 == 198 && b1 == 51 && b2 == 100) // documentation
        || (b0 == 203 && b1 == 0 && b2 == 113) // documentation
        || b0 >= 224); // multicast, reserved, broadcast
  }

  private static boolean isPublicV6(byte[] a) {
    if (isZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
      return isPublicV4(tail(a, 12)); // IPv4-mapped ::ffff:a.b.c.d
    }
    if (isZero(a, 0, 12)) {
      return false; // unspecified ::, loopback ::1, and the deprecated IPv4-compatible ::a.b.c.d
    }
    int w0 = ((a[0] & 0xff) << 8) | (a[1] & 0xff);
    int w1 = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
    if (w0 == 0x0064 && w1 == 0xff9b && isZero(a, 4, 12)) {
      return isPublicV4(tail(a, 12)); // NAT64 64:ff9b::/96 reaches the embedded IPv4 address
    }
    if (w0 == 0x2002) {
      return isPublicV4(new byte[] {a[2], a[3], a[4], a[5]}); // 6to4 embeds an IPv4 address
    }
    if ((w0 & 0xe000) != 0x2000) {
      return false; // outside global unicast 2000::/3: ULA fc00::/7, fe80::/10, ff00::/8,
      // 64:ff9b:1::
    }
    if (w0 == 0x2001 && (w1 & 0xfe00) == 0) {
      return false; // 2001::/23, IETF protocol assignments (Teredo, ORCHID, benchmarking)
    }
    if (w0 == 0x2001 && w1 == 0x0db8) {
      return false; // documentation
    }
    return !(w0 == 0x3fff && (w1 & 0xf000) == 0); // documentation 3fff::/20
  }

  private static boolean isZero(byte[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] tail(byte[] a, int from) {
    return new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]};
  }
}
