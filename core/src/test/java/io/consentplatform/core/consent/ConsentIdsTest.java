package io.consentplatform.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Only the canonical form of an id is an id, in every door. */
class ConsentIdsTest {

  private static final String ID = "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b";

  @Test
  void shouldReadTheCanonicalFormInEitherCase() {
    assertEquals(
        Optional.of(new UUID(0x3f2b8c1e9a4d4e6fL, 0x8b7a1c2d3e4f5a6bL)), ConsentIds.parse(ID));
    assertEquals(ConsentIds.parse(ID), ConsentIds.parse(ID.toUpperCase(java.util.Locale.ROOT)));
  }

  @Test
  void shouldRefuseWhatUuidFromStringWouldGuessAt() {
    for (String odd :
        new String[] {
          "1-1-1-1-1",
          ID.replace("-", ""),
          "{" + ID + "}",
          ID + " ",
          "3f2b8c1e-9a4d-4e6f-08b7a-c2d3e4f5a6b",
          "not-a-uuid",
          ""
        }) {
      assertTrue(ConsentIds.parse(odd).isEmpty(), odd);
    }
    assertTrue(ConsentIds.parse(null).isEmpty());
  }
}
