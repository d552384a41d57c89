package io.consentplatform.admin.consent;

import io.consentplatform.core.consent.RecordedDecision;
import io.quarkus.qute.TemplateExtension;

/** Display values of the consent log's pages, computed here rather than in templates. */
@TemplateExtension
final class ConsentLogExtensions {

  private ConsentLogExtensions() {}

  /** {@code opt-out}, or null on a record made before regions existed. */
  static String experienceWireName(RecordedDecision record) {
    return record.experience() == null ? null : record.experience().wireName();
  }
}
