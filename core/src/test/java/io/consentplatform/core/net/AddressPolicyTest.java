package io.consentplatform.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The addresses the scanner's browser may reach, from a table written out by hand. */
class AddressPolicyTest {

  @ParameterizedTest(name = "{0} public: {1}")
  @CsvSource({
    "93.184.215.14, true",
    "8.8.8.8, true",
    "1.1.1.1, true",
    "172.15.255.255, true",
    "172.32.0.1, true",
    "100.63.255.255, true",
    "100.128.0.1, true",
    "192.169.0.1, true",
    "169.253.1.1, true",
    "223.255.255.255, true",
    "0.0.0.0, false",
    "0.1.2.3, false",
    "10.0.0.1, false",
    "10.255.255.255, false",
    "100.64.0.1, false",
    "100.127.255.255, false",
    "127.0.0.1, false",
    "127.1.2.3, false",
    "169.254.169.254, false",
    "169.254.0.1, false",
    "172.16.0.1, false",
    "172.31.255.255, false",
    "192.0.0.8, false",
    "192.0.2.1, false",
    "192.88.99.1, false",
    "192.168.1.1, false",
    "198.18.0.1, false",
    "198.19.255.255, false",
    "198.51.100.7, false",
    "203.0.113.9, false",
    "224.0.0.1, false",
    "239.255.255.250, false",
    "240.0.0.1, false",
    "255.255.255.255, false",
    "2606:2800:21f:cb07:6820:80da:af6b:8b2c, true",
    "2001:4860:4860::8888, true",
    "::, false",
    "::1, false",
    "::ffff:127.0.0.1, false",
    "::ffff:169.254.169.254, false",
    "::ffff:8.8.8.8, true",
    "::127.0.0.1, false",
    "64:ff9b::a9fe:a9fe, false",
    "64:ff9b::808:808, true",
    "64:ff9b:1::1, false",
    "2002:7f00:1::1, false",
    "2002:0808:0808::1, true",
    "2001::1, false",
    "2001:db8::1, false",
    "3fff::1, false",
    "fc00::1, false",
    "fd12:3456:789a::1, false",
    "fe80::1, false",
    "fec0::1, false",
    "ff02::1, false",
    "100::1, false",
  })
  void shouldTellPublicAddressesFromTheRest(String address, boolean expected) throws Exception {
    assertEquals(expected, AddressPolicy.isPublic(InetAddress.getByName(address)));
  }

  @Test
  void shouldRefuseLoopbackNamesWithoutAskingDns() {
    AddressPolicy policy = new AddressPolicy(false, Set.of());
    assertThrows(AddressPolicy.Refused.class, () -> policy.resolve("localhost", 80));
    assertThrows(AddressPolicy.Refused.class, () -> policy.resolve("shop.localhost", 8080));
    assertThrows(AddressPolicy.Refused.class, () -> policy.resolve("169.254.169.254", 80));
    assertThrows(AddressPolicy.Refused.class, () -> policy.resolve("[::1]", 443));
    assertThrows(AddressPolicy.Refused.class, () -> policy.resolve("[::ffff:10.0.0.1]", 443));
  }

  @Test
  void shouldLetOnlyTheListedHostAndPortThrough() throws Exception {
    AddressPolicy policy = new AddressPolicy(false, Set.of("demo.localhost:8080"));
    assertEquals("127.0.0.1", policy.resolve("demo.localhost", 8080).getHostAddress(), "listed");
    assertThrows(AddressPolicy.Refused.class, () -> policy.resolve("demo.localhost", 8081));
    assertThrows(AddressPolicy.Refused.class, () -> policy.resolve("127.0.0.1", 8080));
  }

  @Test
  void shouldLetEverythingThroughWhenPrivateNetworksAreAllowed() throws Exception {
    AddressPolicy policy = new AddressPolicy(true, Set.of());
    assertEquals("10.1.2.3", policy.resolve("10.1.2.3", 80).getHostAddress());
    assertEquals("127.0.0.1", policy.resolve("shop.localhost", 80).getHostAddress());
  }
}
