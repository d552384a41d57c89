package io.consentplatform.api.consent;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * A decision's body, read once on the I/O thread by the door of the public POSTs and kept on the
 * request for whoever answers it: {@link ConsentRoute} or, when that route leaves the request to
 * the REST layer, {@link ConsentResource}. Read here, it is never read past its limit, whether its
 * length was declared or not, and no worker thread waits on a socket for it.
 */
public final class ConsentBody {

  private static final String KEY = ConsentBody.class.getName();

  private ConsentBody() {}

  /**
   * Reads the body, then goes on with the request; {@code tooLarge} answers instead as soon as the
   * bytes read pass {@code maxBytes} (a body sent without its length is not waited for).
   */
  public static void read(RoutingContext context, int maxBytes, Runnable tooLarge) {
    HttpServerRequest request = context.request();
    if (request.isEnded()) {
      context.put(KEY, Buffer.buffer());
      context.next();
      return;
    }
    Buffer body = Buffer.buffer(256);
    boolean[] refused = {false};
    request.handler(
        chunk -> {
          if (refused[0]) {
            return;
          }
          if (body.length() + chunk.length() > maxBytes) {
            refused[0] = true;
            tooLarge.run();
            return;
          }
          body.appendBuffer(chunk);
        });
    request.endHandler(
        end -> {
          if (!refused[0]) {
            context.put(KEY, body);
            context.next();
          }
        });
    request.exceptionHandler(e -> request.connection().close());
    request.resume();
  }

  /** The body read by {@link #read}; empty if there was none. */
  static byte[] of(RoutingContext context) {
    Buffer body = context.get(KEY);
    return body == null ? new byte[0] : body.getBytes();
  }
}
