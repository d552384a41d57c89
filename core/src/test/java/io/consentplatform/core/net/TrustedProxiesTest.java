package io.consentplatform.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private final TrustedProxies behindProxies =
      new TrustedProxies(List.of("10.0.0.0/8", "192.0.2.10", "2001:db8::/32"));
  private final TrustedProxies direct = new TrustedProxies(List.of());

  @Test
  void shouldTrustExactlyTheAddressesInsideEachRangesPrefix() {
    // Ranges whose prefix ends inside a byte: the first and last address in, the neighbours out.
    TrustedProxies ranges =
        new TrustedProxies(List.of("172.16.0.0/12", "192.168.4.0/23", "2001:db8:8000::/33"));
    assertTrue(ranges.trusts("172.16.0.0"));
    assertTrue(ranges.trusts("172.31.255.255"));
    assertFalse(ranges.trusts("172.15.255.255"));
    assertFalse(ranges.trusts("172.32.0.0"));
    assertTrue(ranges.trusts("192.168.5.255"));
    assertFalse(ranges.trusts("192.168.3.255"));
    assertFalse(ranges.trusts("192.168.6.0"));
    assertTrue(ranges.trusts("2001:db8:ffff:ffff::1"));
    assertFalse(ranges.trusts("2001:db8:7fff:ffff::1"));
    // An IPv4 address is never inside an IPv6 range, and names are not addresses.
    assertFalse(ranges.trusts("32.1.13.184"));
    assertFalse(ranges.trusts("proxy.example"));
    assertFalse(ranges.trusts("172.16.0"));
    TrustedProxies everyone = new TrustedProxies(List.of("0.0.0.0/0"));
    assertTrue(everyone.trusts("203.0.113.7"));
    assertFalse(direct.trusts("10.0.0.1"));
  }

  @Test
  void shouldBelieveForwardedForOnlyFromATrustedProxy() {
    assertEquals("203.0.113.7", behindProxies.client("10.1.2.3", "203.0.113.7"));
    assertEquals("198.51.100.1", behindProxies.client("198.51.100.1", "203.0.113.7"));
    assertEquals("198.51.100.1", direct.client("198.51.100.1", "203.0.113.7"));
  }

  @Test
  void shouldTakeTheNearestAddressThatIsNotOneOfOurProxies() {
    // The client wrote its own fake first hop; our proxies appended what they really saw.
    assertEquals(
        "203.0.113.7", behindProxies.client("10.0.0.5", "1.2.3.4, 203.0.113.7, 192.0.2.10"));
    assertEquals("2001:db9::1", behindProxies.client("2001:db8::5", "2001:db9::1"));
  }

  @Test
  void shouldIgnoreAForwardedChainThatIsNotAddresses() {
    assertEquals("10.0.0.5", behindProxies.client("10.0.0.5", "evil.example, 203.0.113.7x"));
    assertEquals("10.0.0.5", behindProxies.client("10.0.0.5", "' or 1=1 --"));
    assertEquals("10.0.0.5", behindProxies.client("10.0.0.5", "10.0.0.6"));
  }

  @Test
  void shouldBelieveForwardedProtoOnlyFromATrustedProxy() {
    assertTrue(behindProxies.secure("10.1.2.3", false, "https"));
    assertTrue(behindProxies.secure("10.1.2.3", false, "http, https"));
    assertFalse(behindProxies.secure("10.1.2.3", false, "https, http"));
    assertFalse(behindProxies.secure("198.51.100.1", false, "https"));
    assertFalse(direct.secure("10.1.2.3", false, "https"));
    assertTrue(direct.secure("198.51.100.1", true, null));
  }

  @Test
  void shouldWarnOnceWhenAnUntrustedPeerForwards() {
    TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8"));
    proxies.client("10.0.0.1", "203.0.113.7");
    assertFalse(proxies.warned());
    proxies.client("198.51.100.1", null);
    assertFalse(proxies.warned());
    assertEquals("198.51.100.1", proxies.client("198.51.100.1", "203.0.113.7"));
    assertTrue(proxies.warned());
  }
}
