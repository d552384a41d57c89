package io.consentplatform.core.tenant;

import io.consentplatform.core.access.Actor;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Forbidden;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.plan.PlanService;
import io.consentplatform.core.plan.Quotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Who works in which tenant: membership, roles, and the tenants themselves. */
@ApplicationScoped
@TenantScoped
public class MemberService {

  private final Audit audit;
  private final OneTimeLinks links;

  // Field-injected so that the plan's check is one added line in this shared service.
  @Inject Quotas quotas;

  @Inject PlanService plans;

  public MemberService(Audit audit, OneTimeLinks links) {
    this.audit = audit;
    this.links = links;
  }

  /**
   * The caller a person signed in with a local account acts as, as {@link #callerFor(Actor, List,
   * String)} chooses it; the account's subject is its own actor.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Caller callerFor(String localSubject, String claimedTenant) {
    if (!localSubject.startsWith(LocalAccount.SUBJECT_PREFIX)) {
      throw new IllegalArgumentException("Not a local account: " + localSubject);
    }
    Actor actor =
        new Actor(localSubject, localSubject.substring(LocalAccount.SUBJECT_PREFIX.length()));
    return callerFor(actor, memberships(localSubject), claimedTenant);
  }

  /**
   * The caller a signed-in person acts as. The tenant is the one the token names (its {@code
   * tenant} claim, a slug), else the person's only tenant; membership is always checked here. The
   * caller acts as {@code actor}, who the sign-in proved them to be, never as the e-mail their
   * membership was given.
   *
   * @param memberships the person's memberships, from {@link #memberships(String)}
   * @throws Forbidden when the person belongs to no tenant, not to the named one, or to several
   *     with none named
   */
  public Caller callerFor(Actor actor, List<Membership> memberships, String claimedTenant) {
    Membership member;
    if (claimedTenant != null) {
      member =
          memberships.stream()
              .filter(m -> m.tenantSlug().equals(claimedTenant))
              .findFirst()
              .orElseThrow(() -> new Forbidden("You are not a member of tenant " + claimedTenant));
    } else if (memberships.size() == 1) {
      member = memberships.get(0);
    } else if (memberships.isEmpty()) {
      throw new Forbidden("You are not a member of any tenant");
    } else {
      throw new Forbidden("You belong to several tenants: your token must name one (claim tenant)");
    }
    return new Caller(
        member.tenantId(),
        actor.id(),
        actor.email(),
        member.role(),
        member.tenantState() == TenantState.SUSPENDED);
  }

  /**
   * The tenants a person belongs to, for choosing one. An archived tenant is not among them: its
   * members no longer reach it.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Membership> memberships(String subject) {
    return TenantMember.listForSubject(subject).stream()
        .map(Membership::of)
        .filter(m -> m.tenantState() != TenantState.ARCHIVED)
        .toList();
  }

  /** The caller's own tenant. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public TenantView tenant(Caller caller) {
    return TenantView.of(Tenant.findById(caller.tenantId()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<MemberView> list(Caller caller) {
    caller.require(Role.VIEWER);
    return TenantMember.<TenantMember>list("tenant.id = ?1 order by email", caller.tenantId())
        .stream()
        .map(MemberView::of)
        .toList();
  }

  @Transactional
  public MemberView add(Caller caller, @Valid @NotNull NewMember person) {
    caller.require(Role.OWNER);
    NewMember added = person.stripped();
    if (TenantMember.count("tenant.id = ?1 and subject = ?2", caller.tenantId(), added.subject())
        > 0) {
      throw new Conflict("This person is already a member");
    }
    quotas.allowAnotherMember(caller);
    TenantMember member = new TenantMember();
    member.tenant = Tenant.findById(caller.tenantId());
    member.subject = added.subject();
    member.email = added.email();
    member.role = added.role();
    member.persist();
    audit.record(caller, "create", "member", member.id, null, describe(member));
    return MemberView.of(member);
  }

  /**
   * Adds a person as {@link #add} does; someone who will sign in with a local account that does not
   * exist yet also gets an invitation link, which sets its first password.
   */
  @Transactional
  public AddedMember addAndInvite(Caller caller, @Valid @NotNull NewMember person) {
    MemberView added = add(caller, person);
    return new AddedMember(added, invitation(caller, owned(caller, added.id())));
  }

  /**
   * A new invitation link for a member whose local account does not exist yet (the last one expired
   * or was lost); their earlier links in this tenant stop working.
   *
   * @throws Conflict when the member signs in already, or through the identity provider
   */
  @Transactional
  public IssuedLink reinvite(Caller caller, long memberId) {
    caller.require(Role.OWNER);
    return invitation(caller, owned(caller, memberId))
        .orElseThrow(() -> new Conflict("This member needs no invitation"));
  }

  /**
   * A one-time link that sets a new password for a member's local account and ends its sessions;
   * the member's older reset links end. Only for an account that works in this tenant alone:
   * another tenant's owner could otherwise take over a person working for them too.
   *
   * @throws SharedAccount when the member has no local account, or it works in another tenant too
   */
  @Transactional
  public IssuedLink issuePasswordReset(Caller caller, long memberId) {
    caller.require(Role.OWNER);
    TenantMember member = owned(caller, memberId);
    if (!member.subject.startsWith(LocalAccount.SUBJECT_PREFIX)) {
      throw new SharedAccount();
    }
    String email = member.subject.substring(LocalAccount.SUBJECT_PREFIX.length());
    if (!links.onlyIn(caller.tenantId(), email)) {
      throw new SharedAccount();
    }
    OneTimeLink.update(
        "usedAt = ?1 where tenantId = ?2 and email = ?3 and purpose = ?4 and usedAt is null",
        Instant.now(),
        caller.tenantId(),
        email,
        LinkPurpose.MEMBER_RESET);
    IssuedLink link =
        links.issue(LinkPurpose.MEMBER_RESET, caller.tenantId(), email, caller.actor());
    audit.record(
        caller,
        "reset-password",
        "member",
        member.id,
        null,
        Map.of("email", email, "expiresAt", link.expiresAt().toString()));
    return link;
  }

  /** The members who sign in with a local account that does not exist yet. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Set<Long> awaitingAccount(Caller caller) {
    caller.require(Role.VIEWER);
    return TenantMember.awaitingAccount(caller.tenantId()).stream()
        .map(m -> m.id)
        .collect(Collectors.toSet());
  }

  /** When each open invitation of the tenant expires, by the invited account's e-mail. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Instant> openInvitations(Caller caller) {
    caller.require(Role.VIEWER);
    return OneTimeLink.usableInvitations(caller.tenantId(), Instant.now()).stream()
        .collect(Collectors.toMap(l -> l.email, l -> l.expiresAt, (a, b) -> a.isAfter(b) ? a : b));
  }

  @Transactional
  public MemberView changeRole(Caller caller, long memberId, @NotNull Role role) {
    caller.require(Role.OWNER);
    TenantMember member = owned(caller, memberId);
    Object before = describe(member);
    if (member.role == Role.OWNER && role != Role.OWNER) {
      requireAnotherOwner(caller, member);
    }
    member.role = role;
    audit.record(caller, "update", "member", member.id, before, describe(member));
    return MemberView.of(member);
  }

  @Transactional
  public void remove(Caller caller, long memberId) {
    caller.require(Role.OWNER);
    TenantMember member = owned(caller, memberId);
    if (member.role == Role.OWNER) {
      requireAnotherOwner(caller, member);
    }
    audit.record(caller, "delete", "member", member.id, describe(member), null);
    member.delete();
  }

  /** A new tenant and its first owner, created by the platform itself or a test. */
  @Transactional
  public TenantView createTenant(
      String operator, String slug, String name, String ownerSubject, String ownerEmail) {
    return createTenant(new Actor(operator, null), slug, name, ownerSubject, ownerEmail);
  }

  /**
   * A new tenant and its first owner; only the platform's operators create tenants.
   *
   * @param operator who creates it, issuer-qualified: the tenant's audit trail starts with them
   */
  @Transactional
  public TenantView createTenant(
      Actor operator, String slug, String name, String ownerSubject, String ownerEmail) {
    if (Tenant.findBySlug(slug).isPresent()) {
      throw new Conflict("A tenant " + slug + " exists already");
    }
    Tenant tenant = Tenant.create(slug, name);
    tenant.plan = plans.defaultPlan();
    TenantMember owner = new TenantMember();
    owner.tenant = tenant;
    owner.subject = ownerSubject;
    owner.email = ownerEmail;
    owner.role = Role.OWNER;
    owner.persist();
    audit.record(
        new Caller(tenant.id, operator, Role.OWNER),
        "create",
        "tenant",
        tenant.id,
        null,
        Map.of("slug", slug, "name", name, "owner", ownerEmail));
    return TenantView.of(tenant);
  }

  private static TenantMember owned(Caller caller, long memberId) {
    return TenantMember.<TenantMember>find(
            "id = ?1 and tenant.id = ?2", memberId, caller.tenantId())
        .firstResultOptional()
        .orElseThrow(() -> new NotFound("Member " + memberId));
  }

  private static void requireAnotherOwner(Caller caller, TenantMember leaving) {
    long owners =
        TenantMember.count(
            "tenant.id = ?1 and role = ?2 and id <> ?3", caller.tenantId(), Role.OWNER, leaving.id);
    if (owners == 0) {
      throw new LastOwner();
    }
  }

  /**
   * An invitation for {@code member} if they sign in with a local account that does not exist yet
   * (an invitation never touches an account that has a password); older open ones end.
   */
  private Optional<IssuedLink> invitation(Caller caller, TenantMember member) {
    if (!member.subject.startsWith(LocalAccount.SUBJECT_PREFIX)) {
      return Optional.empty();
    }
    String email = member.subject.substring(LocalAccount.SUBJECT_PREFIX.length());
    if (!email.contains("@") || LocalAccount.findByEmail(email).isPresent()) {
      return Optional.empty();
    }
    OneTimeLink.update(
        "usedAt = ?1 where tenantId = ?2 and email = ?3 and usedAt is null",
        Instant.now(),
        caller.tenantId(),
        email);
    IssuedLink link = links.issue(LinkPurpose.INVITATION, caller.tenantId(), email, caller.actor());
    audit.record(
        caller,
        "invite",
        "member",
        member.id,
        null,
        Map.of("email", email, "expiresAt", link.expiresAt().toString()));
    return Optional.of(link);
  }

  private static Object describe(TenantMember member) {
    return Map.of("subject", member.subject, "email", member.email, "role", member.role.name());
  }
}
