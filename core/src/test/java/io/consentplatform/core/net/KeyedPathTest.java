package io.consentplatform.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KeyedPathTest {

  private final KeyedPath banner = new KeyedPath("/v1/sites/", "/banner");

  @Test
  void shouldFindTheKeyBetweenPrefixAndSuffix() {
    assertEquals("townofcary", banner.key("/v1/sites/townofcary/banner"));
    assertEquals("a", banner.key("/v1/sites/a/banner"));
  }

  @Test
  void shouldRefuseOtherShapes() {
    assertNull(banner.key("/v1/sites//banner"));
    assertNull(banner.key("/v1/sites/banner"));
    assertNull(banner.key("/v1/sites/a/b/banner"));
    assertNull(banner.key("/v1/sites/townofcary/banner/"));
    assertNull(banner.key("/v1/sites/townofcary/consents"));
    assertNull(banner.key("/v2/sites/townofcary/banner"));
    assertNull(banner.key(null));
  }

  @Test
  void shouldDecodeTheKeyAsAPathParameterIs() {
    assertEquals("town of cary", banner.key("/v1/sites/town%20of%20cary/banner"));
    assertEquals("a+b", banner.key("/v1/sites/a+b/banner"));
    assertEquals("été", banner.key("/v1/sites/%C3%A9t%C3%A9/banner"));
    // A broken escape stays as it came: it names no site.
    assertEquals("a%zz", banner.key("/v1/sites/a%zz/banner"));
  }
}
