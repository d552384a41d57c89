package io.consentplatform.core.consent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Reduces client addresses to their network part before anything is stored. */
final class ClientAddresses {

  // Compiled once: every recorded decision truncates its client's address.
  private static final Pattern OCTET = Pattern.compile("\\d{1,3}");
  private static final Pattern IPV6_TEXT = Pattern.compile("[0-9a-fA-F:.]{2,45}");

  private ClientAddresses() {}

  /**
   * The address with the last octet (IPv4) or the last 80 bits (IPv6) zeroed, or null when the text
   * is not an IP address. Only literal addresses are parsed: this never resolves a name.
   */
  static String truncate(String address) {
    if (address == null) {
      return null;
    }
    byte[] bytes = address.contains(":") ? ipv6(address) : ipv4(address);
    if (bytes == null) {
      return null;
    }
    int keep = bytes.length == 4 ? 3 : 6;
    for (int i = keep; i < bytes.length; i++) {
      bytes[i] = 0;
    }
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static byte[] ipv4(String address) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (!OCTET.matcher(parts[i]).matches()) {
        return null;
      }
      int octet = Integer.parseInt(parts[i]);
      if (octet > 255) {
        return null;
      }
      bytes[i] = (byte) octet;
    }
    return bytes;
  }

  private static byte[] ipv6(String address) {
    // With a colon in it, InetAddress treats the text as a literal and never asks DNS.
    if (!IPV6_TEXT.matcher(address).matches()) {
      return null;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return bytes.length == 16 ? bytes : ipv4(InetAddress.getByAddress(bytes).getHostAddress());
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
