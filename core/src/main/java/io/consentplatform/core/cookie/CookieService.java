package io.consentplatform.core.cookie;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
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
import java.util.Objects;

/** A site's services and cookies, as drafts until the next publication. */
@ApplicationScoped
public class CookieService {

  private final Audit audit;

  public CookieService(Audit audit) {
    this.audit = audit;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ServiceView> services(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    return Service.listForSite(TenantScope.site(caller, siteId)).stream()
        .map(ServiceView::of)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ServiceView service(Caller caller, long siteId, long serviceId) {
    caller.require(Role.VIEWER);
    return ServiceView.of(TenantScope.service(caller, siteId, serviceId));
  }

  @Transactional
  public ServiceView createService(Caller caller, long siteId, ServiceEdit edit) {
    caller.require(Role.EDITOR);
    Site site = TenantScope.site(caller, siteId);
    requireUniqueService(site, edit.name(), null);
    Service service = new Service();
    service.site = site;
    service.name = edit.name();
    service.privacyPolicyUrl = edit.privacyPolicyUrl();
    service.persist();
    ServiceView after = ServiceView.of(service);
    audit.record(caller, "create", "service", service.id, null, after);
    return after;
  }

  @Transactional
  public ServiceView updateService(
      Caller caller, long siteId, long serviceId, ServiceEdit edit, Long expectedVersion) {
    caller.require(Role.EDITOR);
    Service service = TenantScope.service(caller, siteId, serviceId);
    Versions.check(expectedVersion, service.version, "Service " + serviceId);
    requireUniqueService(service.site, edit.name(), service.id);
    ServiceView before = ServiceView.of(service);
    service.name = edit.name();
    service.privacyPolicyUrl = edit.privacyPolicyUrl();
    Service.flush();
    ServiceView after = ServiceView.of(service);
    audit.record(caller, "update", "service", service.id, before, after);
    return after;
  }

  @Transactional
  public void deleteService(Caller caller, long siteId, long serviceId, Long expectedVersion) {
    caller.require(Role.EDITOR);
    Service service = TenantScope.service(caller, siteId, serviceId);
    Versions.check(expectedVersion, service.version, "Service " + serviceId);
    if (Cookie.count("service", service) > 0) {
      throw new Conflict("Service " + service.name + " still has cookies: delete them first");
    }
    audit.record(caller, "delete", "service", service.id, ServiceView.of(service), null);
    service.delete();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CookieView> cookies(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    return Cookie.listForSite(TenantScope.site(caller, siteId)).stream()
        .map(CookieView::of)
        .toList();
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
    Site site = cookie.site;
    Service service =
        Service.<Service>find("site = ?1 and name = ?2", site, edit.service())
            .firstResultOptional()
            .orElseThrow(
                () -> new Rejected("service", "The site has no service " + edit.service()));
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
    cookie.declare(edit, service, category);
  }

  private static void requireUniqueService(Site site, String name, Long self) {
    boolean taken =
        Service.<Service>list("site = ?1 and name = ?2", site, name).stream()
            .anyMatch(s -> !s.id.equals(self));
    if (taken) {
      throw new Conflict("The site already has a service " + name);
    }
  }
}
