package io.consentplatform.api.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  private final ClientAddress behindProxies =
      new ClientAddress(List.of("10.0.0.0/8", "192.0.2.10", "2001:db8::/32"));
  private final ClientAddress direct = new ClientAddress(List.of());

  @Test
  void shouldBelieveForwardedForOnlyFromATrustedProxy() {
    assertEquals("203.0.113.7", behindProxies.resolve("10.1.2.3", "203.0.113.7"));
    assertEquals("198.51.100.1", behindProxies.resolve("198.51.100.1", "203.0.113.7"));
    assertEquals("198.51.100.1", direct.resolve("198.51.100.1", "203.0.113.7"));
  }

  @Test
  void shouldTakeTheNearestAddressThatIsNotOneOfOurProxies() {
    // The client wrote its own fake first hop; our proxies appended what they really saw.
    assertEquals(
        "203.0.113.7", behindProxies.resolve("10.0.0.5", "1.2.3.4, 203.0.113.7, 192.0.2.10"));
    assertEquals("2001:db9::1", behindProxies.resolve("2001:db8::5", "2001:db9::1"));
  }

  @Test
  void shouldIgnoreAForwardedChainThatIsNotAddresses() {
    assertEquals("10.0.0.5", behindProxies.resolve("10.0.0.5", "evil.example, 203.0.113.7x"));
    assertEquals("10.0.0.5", behindProxies.resolve("10.0.0.5", "' or 1=1 --"));
    assertEquals("10.0.0.5", behindProxies.resolve("10.0.0.5", "10.0.0.6"));
  }
}
