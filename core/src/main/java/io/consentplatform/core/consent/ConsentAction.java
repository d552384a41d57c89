package io.consentplatform.core.consent;

/** What the visitor did. */
public enum ConsentAction {
  /** Accepted every category. */
  ACCEPT_ALL,
  /** Refused every category that can be refused. */
  REJECT_ALL,
  /** Chose category by category. */
  CUSTOM,
  /** Took back an earlier consent: every category that can be refused is refused. */
  WITHDRAW
}
