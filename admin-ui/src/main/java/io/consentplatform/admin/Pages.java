package io.consentplatform.admin;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** How a back-office form answers: see the result after a change, or the form again with errors. */
public final class Pages {

  /** RFC 9110's 422 Unprocessable Content, which Response.Status does not name. */
  public static final int UNPROCESSABLE_CONTENT = 422;

  private Pages() {}

  /**
   * Post/redirect/get: the browser shows {@code path} with the notice {@code done}, so a reload
   * does not send the form twice.
   */
  public static Response done(String path, String done) {
    return Response.seeOther(URI.create(path + (path.contains("?") ? "&" : "?") + "done=" + done))
        .build();
  }

  /** The form again, with what was typed and the messages beside its fields. */
  public static Response invalid(TemplateInstance page) {
    return Response.status(UNPROCESSABLE_CONTENT).entity(page).build();
  }
}
