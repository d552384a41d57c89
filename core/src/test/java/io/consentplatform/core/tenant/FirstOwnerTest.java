package io.consentplatform.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The first owner of a platform on its own database gets a one-time set-up link in the log, never a
 * password; on the embedded database (the newcomer's laptop) the log shows a generated password.
 * Each test starts from a platform without accounts, in a transaction it rolls back.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class FirstOwnerTest {

  private static final Pattern LINK =
      Pattern.compile(
          "Back office: the first owner admin@localhost chooses their password with this one-time"
              + " link, valid until \\S+: /admin/link/([A-Za-z0-9_-]{43}) \\(until it is used, each"
              + " start prints a new one\\)");
  private static final Pattern PASSWORD =
      Pattern.compile(
          "Back office: sign in at /admin as admin@localhost with the password (\\S+) \\(shown only"
              + " now\\)");

  @Inject LocalAccounts accounts;
  @Inject OneTimeLinks links;
  @Inject UserTransaction transaction;

  @Test
  void shouldPrintASetUpLinkNotAPasswordOnItsOwnDatabase() throws Exception {
    rolledBack(
        () -> {
          freshPlatform();
          String line = accounts.firstOwner(false).orElseThrow();

          Matcher link = LINK.matcher(line);
          assertTrue(link.matches(), line);
          OpenLink opened = links.open(link.group(1));
          assertEquals(LinkPurpose.FIRST_OWNER_SETUP, opened.purpose());
          assertEquals("admin@localhost", opened.email());
          links.setPassword(link.group(1), "the owner's own passphrase");
          assertTrue(accounts.verify("admin@localhost", "the owner's own passphrase"));
          // Once only, and nothing more to print at the next start.
          assertThrows(UnusableLink.class, () -> links.open(link.group(1)));
          assertEquals(Optional.empty(), accounts.firstOwner(false));
        });
  }

  @Test
  void shouldPrintANewLinkAtEachStartUntilOneIsUsed() throws Exception {
    rolledBack(
        () -> {
          freshPlatform();
          Matcher first = LINK.matcher(accounts.firstOwner(false).orElseThrow());
          assertTrue(first.matches());

          // The next start: the owner never used the link, which ends.
          Matcher second = LINK.matcher(accounts.firstOwner(false).orElseThrow());
          assertTrue(second.matches());
          assertThrows(UnusableLink.class, () -> links.open(first.group(1)));
          links.setPassword(second.group(1), "chosen at last, long enough");
          assertEquals(Optional.empty(), accounts.firstOwner(false));
        });
  }

  @Test
  void shouldPrintAGeneratedPasswordOnTheEmbeddedDatabase() throws Exception {
    rolledBack(
        () -> {
          freshPlatform();
          String line = accounts.firstOwner(true).orElseThrow();

          Matcher password = PASSWORD.matcher(line);
          assertTrue(password.matches(), line);
          assertTrue(accounts.verify("admin@localhost", password.group(1)));
          assertEquals(Optional.empty(), accounts.firstOwner(true));
        });
  }

  /** Runs {@code test} in a transaction that is rolled back, whatever happens. */
  private void rolledBack(Runnable test) throws Exception {
    transaction.begin();
    try {
      test.run();
    } finally {
      transaction.rollback();
    }
  }

  /** No local account, and the first owner's membership of the start-up gone with it. */
  private static void freshPlatform() {
    LocalAccount.deleteAll();
    TenantMember.delete("subject", LocalAccount.subjectOf("admin@localhost"));
  }
}
