package io.consentplatform.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.consentplatform.core.error.Rejected;
import org.junit.jupiter.api.Test;

/** WCAG 2.1 contrast, against values published with the guidelines and common checkers. */
class ContrastTest {

  @Test
  void shouldGiveTheGuidelinesExtremes() {
    assertEquals(21.0, Contrast.ratio("#000000", "#ffffff"), 1e-9);
    assertEquals(21.0, Contrast.ratio("#ffffff", "#000000"), 1e-9, "order does not matter");
    assertEquals(1.0, Contrast.ratio("#1f5fbf", "#1f5fbf"), 1e-9);
  }

  @Test
  void shouldPlaceTheWellKnownGreysEitherSideOfAa() {
    // #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails (4.48:1).
    assertEquals(4.54, Contrast.ratio("#767676", "#ffffff"), 0.005);
    assertEquals(4.48, Contrast.ratio("#777777", "#ffffff"), 0.005);
  }

  @Test
  void shouldAcceptThePlatformsOwnLookAndRefuseAnUnreadableOne() {
    assertEquals(SiteTheme.PLATFORM, SiteTheme.PLATFORM.checked());
    Rejected refused =
        assertThrows(
            Rejected.class,
            () ->
                new SiteTheme(null, "#cccccc", "#ffffff", null, null, null, null, false).checked());
    assertEquals("text", refused.field());
    assertEquals(2, refused.faults().size(), "white text on light grey, and the blue links on it");
  }
}
