package io.consentplatform.admin.site;

import io.consentplatform.core.site.VendorSignal;
import io.quarkus.qute.TemplateExtension;

/** A vendor signal's name as its vendor writes it: a product name, the same in every language. */
@TemplateExtension
final class SignalExtensions {

  private SignalExtensions() {}

  static String label(VendorSignal signal) {
    return switch (signal) {
      case GOOGLE -> "Google Consent Mode v2";
      case UET -> "Microsoft Advertising (UET)";
      case CLARITY -> "Microsoft Clarity";
      case META -> "Meta Pixel";
      case TIKTOK -> "TikTok Pixel";
      case AMAZON -> "Amazon Consent Signal";
    };
  }
}
