package io.consentplatform.admin.site;

import io.consentplatform.core.site.SiteView;
import io.quarkus.qute.TemplateExtension;
import java.time.ZoneOffset;

/** How pages show when a site was archived: its day (UTC), as the policy page says it. */
@TemplateExtension
final class ArchiveExtensions {

  private ArchiveExtensions() {}

  static String archivedOn(SiteView site) {
    return site.archivedAt() == null
        ? ""
        : site.archivedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}
