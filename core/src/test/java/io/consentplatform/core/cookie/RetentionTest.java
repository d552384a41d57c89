package io.consentplatform.core.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.consentplatform.core.cookie.Retention.Unit;
import io.consentplatform.core.db.DomainJson;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionTest {

  @Test
  void shouldReadDurationsWrittenInEnglishOrFrench() {
    assertEquals(Optional.of(Retention.of(2, Unit.WEEKS)), Retention.parse("2 weeks"));
    assertEquals(Optional.of(Retention.of(13, Unit.MONTHS)), Retention.parse("13 Months"));
    assertEquals(Optional.of(Retention.of(1, Unit.YEARS)), Retention.parse("1 year"));
    assertEquals(Optional.of(Retention.of(1, Unit.YEARS)), Retention.parse("1 an"));
    assertEquals(Optional.of(Retention.of(2, Unit.WEEKS)), Retention.parse("2 semaines"));
    assertEquals(Optional.of(Retention.session()), Retention.parse("Session"));
    assertEquals(Optional.of(Retention.session()), Retention.parse("Durée de la session"));
    assertEquals(Optional.empty(), Retention.parse("0 days"));
    assertEquals(Optional.empty(), Retention.parse("until you sign out"));
  }

  @Test
  void shouldRenderEachLanguageWithItsPluralForms() {
    assertEquals("2 weeks", RetentionFormat.format(Retention.of(2, Unit.WEEKS), "en", "en"));
    assertEquals("2 semaines", RetentionFormat.format(Retention.of(2, Unit.WEEKS), "fr", "en"));
    assertEquals("1 week", RetentionFormat.format(Retention.of(1, Unit.WEEKS), "en", "en"));
    assertEquals("1 semaine", RetentionFormat.format(Retention.of(1, Unit.WEEKS), "fr", "en"));
    assertEquals("13 mois", RetentionFormat.format(Retention.of(13, Unit.MONTHS), "fr", "en"));
    assertEquals("1 mois", RetentionFormat.format(Retention.of(1, Unit.MONTHS), "fr", "en"));
    assertEquals("2 ans", RetentionFormat.format(Retention.of(2, Unit.YEARS), "fr", "en"));
    assertEquals("1 hour", RetentionFormat.format(Retention.of(1, Unit.HOURS), "en", "en"));
    assertEquals("Session", RetentionFormat.format(Retention.session(), "en", "en"));
    assertEquals("Durée de la session", RetentionFormat.format(Retention.session(), "fr", "en"));
  }

  @Test
  void shouldTakeTheNoteOfTheLanguageElseTheDefaultLanguages() {
    Retention noted =
        new Retention(Unit.DAYS, 30, Map.of("en", "after the last visit", "fr", "après"));
    assertEquals("30 days (after the last visit)", RetentionFormat.format(noted, "en", "en"));
    assertEquals("30 jours (après)", RetentionFormat.format(noted, "fr", "en"));
    Retention frenchOnly = new Retention(Unit.DAYS, 30, Map.of("fr", "après"));
    assertEquals(
        "30 days", RetentionFormat.format(frenchOnly, "en", "en"), "no French on English pages");
    assertEquals(
        "until you sign out",
        RetentionFormat.format(Retention.fromText("until you sign out", "en"), "fr", "en"));
  }

  @Test
  void shouldRefuseAnAmountForASessionAndNoneForAUnit() {
    assertFalse(new Retention(Unit.SESSION, 2, Map.of()).isDuration());
    assertFalse(new Retention(Unit.WEEKS, null, Map.of()).isDuration());
    assertFalse(new Retention(Unit.WEEKS, 0, Map.of()).isDuration());
    assertTrue(Retention.of(1, Unit.WEEKS).isDuration());
    assertFalse(new Retention(null, null, Map.of("en", " ")).isDescribed());
  }

  @Test
  void shouldReadTheStructuredShapeAndTheFormerString() throws JsonProcessingException {
    Retention weeks = Retention.of(2, Unit.WEEKS);
    String json = DomainJson.mapper().writeValueAsString(weeks);
    assertEquals("{\"unit\":\"WEEKS\",\"amount\":2,\"notes\":{}}", json);
    assertEquals(weeks, DomainJson.mapper().readValue(json, Retention.class));
    assertEquals(weeks, DomainJson.mapper().readValue("\"2 weeks\"", Retention.class));
    assertEquals(
        Map.of(Retention.UNDETERMINED, "forever"),
        DomainJson.mapper().readValue("\"forever\"", Retention.class).notes());
  }
}
