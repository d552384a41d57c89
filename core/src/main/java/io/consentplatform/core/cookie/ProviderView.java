package io.consentplatform.core.cookie;

/** A provider as the management API shows it. */
public record ProviderView(
    long id, long siteId, String name, String privacyPolicyUrl, long version) {

  public static ProviderView of(Provider provider) {
    return new ProviderView(
        provider.id, provider.site.id, provider.name, provider.privacyPolicyUrl, provider.version);
  }
}
