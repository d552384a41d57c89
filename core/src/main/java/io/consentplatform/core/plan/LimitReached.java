package io.consentplatform.core.plan;

import io.consentplatform.core.error.DomainException;

/**
 * Something the tenant's plan does not allow: the HTTP layers answer 403, or 429 for a monthly
 * quota, naming the limit and the plan. Never raised for a visitor's decision.
 */
public class LimitReached extends DomainException {

  private final Limit limit;
  private final String plan;

  public LimitReached(Limit limit, String plan, String detail) {
    super(detail + " (limit " + limit.code() + " of plan " + plan + ")");
    this.limit = limit;
    this.plan = plan;
  }

  public Limit limit() {
    return limit;
  }

  /** The code of the plan that sets the limit. */
  public String plan() {
    return plan;
  }
}
