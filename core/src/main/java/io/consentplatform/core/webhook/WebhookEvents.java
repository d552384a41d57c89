package io.consentplatform.core.webhook;

import java.util.List;

/** The event types an endpoint can ask for, as the {@code type} of a delivery's body says them. */
public final class WebhookEvents {

  public static final String CONSENT_RECORDED = "consent.recorded";
  public static final String CONSENT_WITHDRAWN = "consent.withdrawn";
  public static final String POLICY_PUBLISHED = "policy.published";
  public static final String SCAN_COMPLETED = "scan.completed";
  public static final String LEDGER_HEAD = "ledger.head";

  /** Sent by the "send a test event" action only, whatever the endpoint asks for. */
  public static final String TEST = "webhook.test";

  /** Every type an endpoint may choose, in the order forms list them. */
  public static final List<String> ALL =
      List.of(CONSENT_RECORDED, CONSENT_WITHDRAWN, POLICY_PUBLISHED, SCAN_COMPLETED, LEDGER_HEAD);

  private WebhookEvents() {}
}
