package io.consentplatform.admin;

import jakarta.ws.rs.core.Response.Status;

/** A refusal on a back-office page, to be shown as an HTML page with its status. */
public class HtmlError extends RuntimeException {

  private final Status status;
  private final String title;

  public HtmlError(Status status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public Status status() {
    return status;
  }

  public String title() {
    return title;
  }
}
