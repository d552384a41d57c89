package io.consentplatform.core.cookie;

/** A service provider as the management API shows it. */
public record ServiceView(
    long id, long siteId, String name, String privacyPolicyUrl, long version) {

  public static ServiceView of(Service service) {
    return new ServiceView(
        service.id, service.site.id, service.name, service.privacyPolicyUrl, service.version);
  }
}
