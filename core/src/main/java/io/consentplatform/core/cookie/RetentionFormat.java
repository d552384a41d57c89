package io.consentplatform.core.cookie;

import io.consentplatform.core.cookie.Retention.Unit;

/**
 * A {@link Retention} as visitors and tenants read it in one language: "2 weeks", "2 semaines", "1
 * an", with its note. French and English have their own words; other languages read English until
 * they get theirs.
 */
public final class RetentionFormat {

  private RetentionFormat() {}

  /**
   * The retention in {@code language}: its duration, then its note in brackets; the note alone when
   * there is no duration. A note missing in {@code language} is taken from {@code fallback} (the
   * site's default language), then from any language.
   */
  public static String format(Retention retention, String language, String fallback) {
    String note = retention.note(language, fallback);
    if (retention.unit() == null) {
      // Without a duration, the note is all there is: any language's beats an empty cell.
      return note != null ? note : retention.notes().values().stream().findFirst().orElse("");
    }
    String duration = duration(retention, language);
    return note == null ? duration : duration + " (" + note + ")";
  }

  /** The duration alone, or an empty string when there is none. */
  public static String duration(Retention retention, String language) {
    Unit unit = retention.unit();
    if (unit == null) {
      return "";
    }
    boolean french = "fr".equals(language);
    if (unit == Unit.SESSION) {
      return french ? "Durée de la session" : "Session";
    }
    int amount = retention.amount() == null ? 1 : retention.amount();
    return amount + " " + (french ? french(unit, amount) : english(unit, amount));
  }

  private static String english(Unit unit, int amount) {
    String word =
        switch (unit) {
          case MINUTES -> "minute";
          case HOURS -> "hour";
          case DAYS -> "day";
          case WEEKS -> "week";
          case MONTHS -> "month";
          case YEARS -> "year";
          case SESSION -> throw new IllegalArgumentException("a session has no amount");
        };
    return amount == 1 ? word : word + "s";
  }

  // French: singular for 1 (amounts start at 1); "mois" does not change.
  private static String french(Unit unit, int amount) {
    String word =
        switch (unit) {
          case MINUTES -> "minute";
          case HOURS -> "heure";
          case DAYS -> "jour";
          case WEEKS -> "semaine";
          case MONTHS -> "mois";
          case YEARS -> "an";
          case SESSION -> throw new IllegalArgumentException("a session has no amount");
        };
    return amount == 1 || unit == Unit.MONTHS ? word : word + "s";
  }
}
