package io.consentplatform.core.scan;

/**
 * One simulated visitor of a scan, each with a browser of its own: what a site stores depends on
 * what its visitor chose in the banner.
 */
public enum Pass {
  /** Has not answered the banner: anything non-essential found here was set before consent. */
  NO_DECISION,
  /** Pressed "Reject all" on the first page: anything non-essential is set despite refusal. */
  REJECTED_ALL,
  /** Pressed "Accept all" on the first page: the site's full inventory. */
  ACCEPTED_ALL
}
