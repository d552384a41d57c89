package io.consentplatform.core.site;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * A vendor's own consent interface the banner tells of the visitor's choice (default denied before
 * it, updated after it), chosen per site; sent only where that vendor's script is on the page.
 */
public enum VendorSignal {
  /** Google Consent Mode v2 ({@code gtag('consent', …)}). */
  GOOGLE,
  /** Microsoft Advertising UET consent mode ({@code uetq.push('consent', …)}). */
  UET,
  /** Microsoft Clarity's consent API v2 ({@code clarity('consentv2', …)}). */
  CLARITY,
  /** Meta Pixel ({@code fbq('consent', …)}). */
  META,
  /** TikTok Pixel ({@code ttq.holdConsent/grantConsent/revokeConsent}). */
  TIKTOK,
  /** Amazon Consent Signal ({@code amznConsent()}). */
  AMAZON;

  /** The name in the banner configuration, the tenant API and stored settings. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static VendorSignal of(String wire) {
    return Arrays.stream(values())
        .filter(v -> v.wire().equals(wire))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown vendor signal " + wire));
  }
}
