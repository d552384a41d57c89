package io.consentplatform.admin;

import jakarta.ws.rs.core.Response.Status;

/**
 * A refusal on a back-office page, to be shown as an HTML page with its status, inside the back
 * office's frame and with a way back.
 */
public class HtmlError extends RuntimeException {

  private final int status;
  private final String title;
  private final String back;
  private final String backLabel;

  public HtmlError(Status status, String title, String detail) {
    this(status, title, detail, null, null);
  }

  /**
   * A refusal whose page leads back to {@code back} (a back-office path) with {@code backLabel},
   * where the person can put right what was refused.
   */
  public HtmlError(Status status, String title, String detail, String back, String backLabel) {
    this(status.getStatusCode(), title, detail, back, backLabel);
  }

  /** The same with a status {@link Status} does not name, such as 422. */
  public HtmlError(int status, String title, String detail, String back, String backLabel) {
    super(detail);
    this.status = status;
    this.title = title;
    this.back = back;
    this.backLabel = backLabel;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** Where the page leads back to; null to let the page choose. */
  public String back() {
    return back;
  }

  public String backLabel() {
    return backLabel;
  }
}
