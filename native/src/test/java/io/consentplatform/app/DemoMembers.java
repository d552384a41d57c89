package io.consentplatform.app;

import io.consentplatform.core.tenant.LocalAccount;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.elytron.security.common.BcryptUtil;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * People of the demo tenant for the browser tests: a local account and its membership, written to
 * the database as its superuser, so that the same tests run against the packaged application (which
 * a test cannot inject into) as in their own JVM.
 */
final class DemoMembers {

  private DemoMembers() {}

  /** Adds {@code email} to the demo tenant with {@code role}; the password is "pw-" + email. */
  static void add(String email, Role role) {
    try (Connection db = PostgresResource.superuser()) {
      db.setAutoCommit(false);
      try (PreparedStatement account =
              db.prepareStatement(
                  "insert into local_account (email, password_hash) values (?, ?)");
          PreparedStatement member =
              db.prepareStatement(
                  "insert into tenant_member (tenant_id, subject, email, role)"
                      + " select tenant_id, ?, ?, ? from site where site_key = 'townofcary'")) {
        account.setString(1, email);
        account.setString(2, BcryptUtil.bcryptHash("pw-" + email));
        account.executeUpdate();
        member.setString(1, LocalAccount.subjectOf(email));
        member.setString(2, email);
        member.setString(3, role.name());
        if (member.executeUpdate() != 1) {
          throw new IllegalStateException("no demo site to add " + email + " to");
        }
      }
      db.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("adding " + email, e);
    }
  }
}
