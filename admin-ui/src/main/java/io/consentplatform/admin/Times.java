package io.consentplatform.admin;

import io.consentplatform.admin.i18n.AdminLanguage;
import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.qute.TemplateExtension;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How every time reads in the back office: date and time in the person's language, in the zone
 * {@code consent.admin.time-zone} names, with that zone shown; the exact stored instant stays in
 * the page as {@code <time datetime>} and on hover (tag {@code {#time value /}}).
 *
 * <p>Rendered on the server rather than localized by a script in the browser: the back office runs
 * no inline script (its security policy), the time reads the same with scripts off, in tests, in
 * screenshots and when two people compare a record over the phone, and naming the zone beside every
 * time leaves no doubt which one it is. Sites and tenants have no zone of their own yet; one
 * configured zone serves a platform run by one organisation.
 */
@TemplateExtension
public final class Times {

  // Explicit patterns rather than the JDK's localized styles: those change between JDK releases
  // (a narrow no-break space before AM/PM since JDK 20), and a log of proof should read the same.
  private static final DateTimeFormatter ENGLISH =
      DateTimeFormatter.ofPattern("MMM d, yyyy, HH:mm:ss z", Locale.ENGLISH);
  private static final DateTimeFormatter FRENCH =
      DateTimeFormatter.ofPattern("d MMM yyyy 'à' HH:mm:ss z", Locale.FRENCH);

  private Times() {}

  /** "Dec 1, 2026, 10:08:15 UTC", or "1 déc. 2026 à 10:08:15 UTC" for a French reader. */
  public static String local(Instant instant) {
    DateTimeFormatter format = AdminLanguage.current().is("fr") ? FRENCH : ENGLISH;
    return format.format(instant.atZone(zone()));
  }

  /** The stored instant itself, to the microsecond, in UTC: what the API and exports show. */
  public static String iso(Instant instant) {
    return instant.toString();
  }

  private static ZoneId zone() {
    return Arc.container().instance(Zone.class).get().zone;
  }

  /** The configured zone, as a bean: a static extension method cannot have it injected. */
  @Singleton
  @Unremovable
  static class Zone {
    final ZoneId zone;

    Zone(AdminConfig config) {
      this.zone = config.timeZone();
    }
  }
}
