package io.consentplatform.core.cookie;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.access.Versions;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.category.Category;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A site's providers and cookies, as drafts until the next publication. */
@ApplicationScoped
@TenantScoped
public class CookieService {

  private final Audit audit;

  public CookieService(Audit audit) {
    this.audit = audit;
  }

  /** The site's cookies in the Open Cookie Database's CSV layout, texts in its default language. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String exportCsv(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    Site site = TenantScope.site(caller, siteId);
    return OpenCookieDatabase.write(Cookie.listForSite(site), site.defaultLanguage);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ProviderView> providers(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    return Provider.listForSite(TenantScope.site(caller, siteId)).stream()
        .map(ProviderView::of)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ProviderView provider(Caller caller, long siteId, long providerId) {
    caller.require(Role.VIEWER);
    return ProviderView.of(TenantScope.provider(caller, siteId, providerId));
  }

  @Transactional
  public ProviderView createProvider(Caller caller, long siteId, ProviderEdit edit) {
    caller.require(Role.EDITOR);
    Site site = TenantScope.site(caller, siteId);
    requireUniqueProvider(site, edit.name(), null);
    Provider provider = new Provider();
    provider.site = site;
    provider.name = edit.name();
    provider.privacyPolicyUrl = edit.privacyPolicyUrl();
    provider.persist();
    ProviderView after = ProviderView.of(provider);
    audit.record(caller, "create", "provider", provider.id, null, after);
    return after;
  }

  @Transactional
  public ProviderView updateProvider(
      Caller caller, long siteId, long providerId, ProviderEdit edit, Long expectedVersion) {
    caller.require(Role.EDITOR);
    Provider provider = TenantScope.provider(caller, siteId, providerId);
    Versions.check(expectedVersion, provider.version, "Provider " + providerId);
    requireUniqueProvider(provider.site, edit.name(), provider.id);
    ProviderView before = ProviderView.of(provider);
    provider.name = edit.name();
    provider.privacyPolicyUrl = edit.privacyPolicyUrl();
    Provider.flush();
    ProviderView after = ProviderView.of(provider);
    audit.record(caller, "update", "provider", provider.id, before, after);
    return after;
  }

  @Transactional
  public void deleteProvider(Caller caller, long siteId, long providerId, Long expectedVersion) {
    caller.require(Role.EDITOR);
    Provider provider = TenantScope.provider(caller, siteId, providerId);
    Versions.check(expectedVersion, provider.version, "Provider " + providerId);
    if (Cookie.count("provider", provider) > 0) {
      throw new Conflict("Provider " + provider.name + " still has cookies: delete them first");
    }
    audit.record(caller, "delete", "provider", provider.id, ProviderView.of(provider), null);
    provider.delete();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CookieView> cookies(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    return Cookie.listForSite(TenantScope.site(caller, siteId)).stream()
        .map(CookieView::of)
        .toList();
  }

  /** How many of the site's cookies each category or each provider has, by key or name. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Long> cookieCounts(Caller caller, long siteId, CookiesPer per) {
    Function<CookieView, String> key =
        per == CookiesPer.CATEGORY ? CookieView::category : CookieView::provider;
    return cookies(caller, siteId).stream()
        .collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  /** What {@link #cookieCounts} groups by. */
  public enum CookiesPer {
    CATEGORY,
    PROVIDER
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public CookieView cookie(Caller caller, long siteId, long cookieId) {
    caller.require(Role.VIEWER);
    return CookieView.of(TenantScope.cookie(caller, siteId, cookieId));
  }

  @Transactional
  public CookieView createCookie(Caller caller, long siteId, CookieEdit edit) {
    caller.require(Role.EDITOR);
    Site site = TenantScope.site(caller, siteId);
    Cookie cookie = new Cookie();
    cookie.site = site;
    apply(cookie, edit);
    cookie.persist();
    CookieView after = CookieView.of(cookie);
    audit.record(caller, "create", "cookie", cookie.id, null, after);
    return after;
  }

  @Transactional
  public CookieView updateCookie(
      Caller caller, long siteId, long cookieId, CookieEdit edit, Long expectedVersion) {
    caller.require(Role.EDITOR);
    Cookie cookie = TenantScope.cookie(caller, siteId, cookieId);
    Versions.check(expectedVersion, cookie.version, "Cookie " + cookieId);
    CookieView before = CookieView.of(cookie);
    apply(cookie, edit);
    Cookie.flush();
    CookieView after = CookieView.of(cookie);
    audit.record(caller, "update", "cookie", cookie.id, before, after);
    return after;
  }

  @Transactional
  public void deleteCookie(Caller caller, long siteId, long cookieId, Long expectedVersion) {
    caller.require(Role.EDITOR);
    Cookie cookie = TenantScope.cookie(caller, siteId, cookieId);
    Versions.check(expectedVersion, cookie.version, "Cookie " + cookieId);
    audit.record(caller, "delete", "cookie", cookie.id, CookieView.of(cookie), null);
    cookie.delete();
  }

  /** Checks and copies a declaration onto a cookie of the same site. */
  static void apply(Cookie cookie, CookieEdit edit) {
    Rejected.Fault fault = edit.fault();
    if (fault != null) {
      throw new Rejected(fault.field(), fault.message());
    }
    Site site = cookie.site;
    Provider provider =
        Provider.<Provider>find("site = ?1 and name = ?2", site, edit.provider())
            .firstResultOptional()
            .orElseThrow(
                () -> new Rejected("provider", "The site has no provider " + edit.provider()));
    Category category =
        Category.<Category>find("site = ?1 and key = ?2", site, edit.category())
            .firstResultOptional()
            .orElseThrow(
                () -> new Rejected("category", "The site has no category " + edit.category()));
    boolean duplicate =
        Cookie.<Cookie>list("site = ?1 and name = ?2", site, edit.name()).stream()
            .anyMatch(c -> !c.equals(cookie) && Objects.equals(c.domain, edit.domain()));
    if (duplicate) {
      throw new Conflict("The site already declares cookie " + edit.name() + " on that domain");
    }
    cookie.declare(edit, provider, category);
  }

  private static void requireUniqueProvider(Site site, String name, Long self) {
    boolean taken =
        Provider.<Provider>list("site = ?1 and name = ?2", site, name).stream()
            .anyMatch(s -> !s.id.equals(self));
    if (taken) {
      throw new Conflict("The site already has a provider " + name);
    }
  }
}
