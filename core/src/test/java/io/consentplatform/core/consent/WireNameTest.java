package io.consentplatform.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.consentplatform.core.error.Rejected;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Wire names are the same on every server, whatever its locale. */
class WireNameTest {

  @Test
  void shouldWriteAndReadTheSameNamesUnderATurkishLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    try {
      // A Turkish lower case of "WITHDRAW" would carry a dotless i.
      assertEquals("withdraw", ConsentAction.WITHDRAW.wireName());
      assertEquals("settings", ConsentMethod.SETTINGS.wireName());
      assertEquals(ConsentAction.WITHDRAW, ConsentAction.fromWire("withdraw"));
      assertEquals(ConsentStatus.DENIED, ConsentStatus.fromWire("denied"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void shouldNameTheFieldOfAnUnknownOrMissingName() {
    Rejected unknown = assertThrows(Rejected.class, () -> ConsentMethod.fromWire("telepathy"));
    assertEquals("method must be one of banner, settings, api, signal", unknown.getMessage());
    Rejected upperCase = assertThrows(Rejected.class, () -> ConsentAction.fromWire("ACCEPT_ALL"));
    assertEquals(
        "action must be one of accept_all, reject_all, custom, withdraw", upperCase.getMessage());
    assertThrows(Rejected.class, () -> ConsentAction.fromWire(null));
  }
}
