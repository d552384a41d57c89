package io.consentplatform.api.problem;

import io.consentplatform.core.plan.LimitReached;
import jakarta.ws.rs.core.Response.Status;

/**
 * The problem of a plan's limit: RFC 9457's members with two extension members, {@code limit} (such
 * as {@code max-sites}) and {@code plan} (its code), so that a client can tell which.
 */
public record LimitProblem(
    String type, String title, int status, String detail, String limit, String plan) {

  static LimitProblem of(LimitReached e) {
    Status status = e.limit().monthly() ? Status.TOO_MANY_REQUESTS : Status.FORBIDDEN;
    return new LimitProblem(
        "about:blank",
        status.getReasonPhrase(),
        status.getStatusCode(),
        e.getMessage(),
        e.limit().code(),
        e.plan());
  }
}
