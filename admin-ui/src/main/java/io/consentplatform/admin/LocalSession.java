package io.consentplatform.admin;

import java.security.Principal;
import java.time.Instant;
import java.util.Optional;

/**
 * What a local account's encrypted session cookie says besides the e-mail: the account's session
 * version when it signed in and the moment it did, so that a sign-out or a new password ends the
 * session and no session outlives its absolute lifetime, however active it stays.
 *
 * <p>The form sign-in writes the principal's name into the cookie and, on each renewal, writes the
 * restored principal's name again: so this name is the whole of it.
 */
record LocalSession(String email, int version, Instant signedInAt) implements Principal {

  private static final String FORMAT = "s1";

  /** The cookie's principal, or nothing for one this class did not write (an older cookie). */
  static Optional<LocalSession> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    // The e-mail comes last: it may hold any character.
    String[] parts = name.split("\\|", 4);
    if (parts.length != 4 || !parts[0].equals(FORMAT)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new LocalSession(
              parts[3],
              Integer.parseInt(parts[1]),
              Instant.ofEpochSecond(Long.parseLong(parts[2]))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String getName() {
    return FORMAT + "|" + version + "|" + signedInAt.getEpochSecond() + "|" + email;
  }

  /** The e-mail of a local account's principal, whichever form it takes. */
  static String emailOf(Principal principal) {
    return principal instanceof LocalSession session ? session.email() : principal.getName();
  }
}
