package io.consentplatform.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.access.Actor;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantIsolation;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An invitation taken up by signing in through the identity provider instead of choosing a
 * password: the invited membership becomes that sign-in's, no local account appears, the link is
 * used up and the tenant's audit trail says so. (The browser half, through the provider's code
 * flow, is not covered by a test.)
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class InvitationIdentityTest {

  private static final String ISSUER = "https://idp.example/realms/staff";
  private static final String OWNER = "owner@sso-town.example";

  @Inject LocalAccounts accounts;
  @Inject MemberService members;
  @Inject OneTimeLinks links;
  @Inject EntityManager entityManager;

  private Caller owner;

  @BeforeEach
  void tenant() {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (!accounts.exists(OWNER)) {
                accounts.create(OWNER, "pw-" + OWNER);
                members.createTenant(
                    "test", "sso-town", "SSO town", LocalAccount.subjectOf(OWNER), OWNER);
              }
            });
    owner = members.callerFor(LocalAccount.subjectOf(OWNER), "sso-town");
  }

  @Test
  void shouldGiveTheInvitedMembershipToTheIdentityProvidersSubject() {
    String token = invite("newcomer@sso-town.example", Role.EDITOR);
    Actor signedIn = Actor.ofToken(ISSUER, "sub-newcomer", "newcomer@sso-town.example");

    assertEquals("sso-town", links.linkIdentity(token, "sub-newcomer", signedIn));

    assertTrue(
        members.memberships("sub-newcomer").stream()
            .anyMatch(m -> m.tenantSlug().equals("sso-town") && m.role() == Role.EDITOR),
        "the provider's subject works in the tenant");
    assertTrue(
        members.memberships(LocalAccount.subjectOf("newcomer@sso-town.example")).isEmpty(),
        "the local subject no longer does");
    assertFalse(accounts.exists("newcomer@sso-town.example"), "no local account");
    assertThrows(UnusableLink.class, () -> links.open(token), "used up");
    assertThrows(
        UnusableLink.class,
        () -> links.setPassword(token, "a password after all"),
        "nor sets a password later");
    assertTrue(actions(owner.tenantId()).contains("link-identity"), "audited");
  }

  @Test
  void shouldChangeNothingForASignInThatIsAMemberAlready() {
    String first = invite("twice@sso-town.example", Role.VIEWER);
    links.linkIdentity(first, "sub-twice", Actor.ofToken(ISSUER, "sub-twice", null));
    String second = invite("twice-again@sso-town.example", Role.VIEWER);

    assertThrows(
        Conflict.class,
        () -> links.linkIdentity(second, "sub-twice", Actor.ofToken(ISSUER, "sub-twice", null)));
    assertEquals(LinkPurpose.INVITATION, links.open(second).purpose(), "still usable");
    assertEquals(
        1,
        members.memberships(LocalAccount.subjectOf("twice-again@sso-town.example")).size(),
        "the invited membership stays as it was");
  }

  @Test
  void shouldNotTakeAResetLinkForAnInvitation() {
    String reset = links.passwordReset(OWNER).orElseThrow().token();
    assertThrows(
        UnusableLink.class,
        () -> links.linkIdentity(reset, "sub-thief", Actor.ofToken(ISSUER, "sub-thief", null)));
    assertTrue(members.memberships("sub-thief").isEmpty());
    assertEquals(LinkPurpose.PASSWORD_RESET, links.open(reset).purpose(), "still usable");
  }

  private String invite(String email, Role role) {
    return members
        .addAndInvite(owner, new NewMember(LocalAccount.subjectOf(email), email, role))
        .invitation()
        .orElseThrow()
        .token();
  }

  @SuppressWarnings("unchecked")
  private List<String> actions(long tenantId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              TenantIsolation.confine(entityManager, tenantId);
              return (List<String>)
                  entityManager.createNativeQuery("select action from audit_entry").getResultList();
            });
  }
}
