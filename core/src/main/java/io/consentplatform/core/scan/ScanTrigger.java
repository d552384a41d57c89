package io.consentplatform.core.scan;

/** Why a scan was made: a person (or a tool) asked for it, or the site's schedule was due. */
public enum ScanTrigger {
  MANUAL,
  SCHEDULED
}
