package io.consentplatform.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.site.SiteDomains.Fault;
import io.consentplatform.core.text.Languages;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a tenant may declare as a site's domain, and the form it is kept in. */
class SiteDomainsTest {

  @Test
  void shouldKeepTheHostAndPortOfAPastedAddress() {
    assertEquals("www.example.org", SiteDomains.normalize("https://www.example.org/page"));
    assertEquals("www.example.org", SiteDomains.normalize(" HTTPS://WWW.Example.org:443/a?b#c "));
    assertEquals("localhost:8080", SiteDomains.normalize("http://localhost:8080/x"));
    assertEquals("shop.example.org:8443", SiteDomains.normalize("https://shop.example.org:8443"));
    assertEquals("www.example.org", SiteDomains.normalize("www.example.org/page"));
    assertEquals("www.example.org", SiteDomains.normalize("www.example.org."));
    assertEquals("xn--bcher-kva.de", SiteDomains.normalize("bücher.de"));
    assertEquals(
        List.of("www.example.org"),
        SiteDomains.normalize(List.of("www.example.org", "https://www.example.org/")));
  }

  @Test
  void shouldAcceptHostNamesLocalNamesAndAddressesWithOrWithoutAPort() {
    for (String domain :
        List.of(
            "www.example.org",
            "opendata.townofcary.org",
            "shop.example.co.uk",
            "localhost",
            "localhost:8080",
            "127.0.0.1",
            "127.0.0.1:8080",
            "[::1]:8080",
            "intranet.city.internal",
            "shop.test",
            "cary.example")) {
      assertEquals(Optional.empty(), SiteDomains.fault(domain), domain);
    }
  }

  @Test
  void shouldSayWhatIsWrongWithADomain() {
    assertEquals(Optional.of(Fault.EMPTY_LABEL), SiteDomains.fault("opendata.exmple..org"));
    assertEquals(Optional.of(Fault.EMPTY_LABEL), SiteDomains.fault(".example.org"));
    assertEquals(Optional.of(Fault.BAD_LABEL), SiteDomains.fault("-shop.example.org"));
    assertEquals(Optional.of(Fault.BAD_LABEL), SiteDomains.fault("shop_1.example.org"));
    assertEquals(Optional.of(Fault.BAD_LABEL), SiteDomains.fault("a".repeat(64) + ".example.org"));
    assertEquals(
        Optional.of(Fault.TOO_LONG),
        SiteDomains.fault(("a".repeat(60) + ".").repeat(4) + "example.org"));
    assertEquals(Optional.of(Fault.BAD_PORT), SiteDomains.fault("localhost:0"));
    assertEquals(Optional.of(Fault.BAD_PORT), SiteDomains.fault("localhost:65536"));
    assertEquals(Optional.of(Fault.BAD_PORT), SiteDomains.fault("localhost:http"));
    assertEquals(Optional.of(Fault.NOT_A_HOST), SiteDomains.fault("::1"));
    assertEquals(Optional.of(Fault.NOT_A_HOST), SiteDomains.fault("300.1.1.1"));
    assertEquals(
        Optional.of(Fault.NOT_A_HOST), SiteDomains.fault(SiteDomains.normalize("https://")));
    assertEquals(Optional.of(Fault.UNKNOWN_SUFFIX), SiteDomains.fault("opendata.exmple.orgg"));
    assertEquals(Optional.of(Fault.UNKNOWN_SUFFIX), SiteDomains.fault("intranet"));
  }

  @Test
  void shouldRefuseAPublicSuffixAlone() {
    assertEquals(Optional.of(Fault.PUBLIC_SUFFIX), SiteDomains.fault("org"));
    assertEquals(Optional.of(Fault.PUBLIC_SUFFIX), SiteDomains.fault("co.uk"));
    assertEquals(Optional.of(Fault.PUBLIC_SUFFIX), SiteDomains.fault("github.io"));
    assertEquals(Optional.empty(), SiteDomains.fault("opendata.github.io"));
  }

  @Test
  void shouldMatchAPageExactlyOnItsHostAndPort() {
    List<String> domains = List.of("www.example.org", "localhost:8080");
    assertTrue(SiteDomains.declares(domains, URI.create("https://www.example.org/page?x=1")));
    assertTrue(SiteDomains.declares(domains, URI.create("https://www.example.org:443/")));
    assertTrue(SiteDomains.declares(domains, URI.create("http://localhost:8080/")));
    assertFalse(SiteDomains.declares(domains, URI.create("http://localhost/")));
    assertFalse(SiteDomains.declares(domains, URI.create("https://example.org/")));
    assertFalse(SiteDomains.declares(domains, URI.create("https://www.example.org:8443/")));
    assertFalse(SiteDomains.declares(domains, URI.create("https://www.example.org.evil.test/")));
    assertFalse(SiteDomains.declares(domains, URI.create("https://x@www.example.org/")));
    assertFalse(SiteDomains.declares(domains, URI.create("javascript://www.example.org/%0a")));
  }

  @Test
  void shouldKnowLanguageCodesOfIso639() {
    assertTrue(Languages.isKnown("en"));
    assertTrue(Languages.isKnown("fr"));
    assertTrue(Languages.isKnown("cy"));
    assertFalse(Languages.isKnown("xx"));
    assertFalse(Languages.isKnown("EN"));
    assertFalse(Languages.isKnown("eng"));
  }
}
