package io.consentplatform.api.consent;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A decision's body read on the I/O thread by {@link ConsentRoute}, never past its limit, whether
 * its length was declared or not. Once read, the request is the route's to answer: over HTTP/2 the
 * REST layer cannot take over a request whose body has been read.
 */
final class ConsentBody {

  private ConsentBody() {}

  /**
   * Reads the body, then hands it on; {@code tooLarge} runs instead as soon as the bytes read pass
   * {@code maxBytes} (a body sent without its length is not waited for).
   */
  static void read(
      HttpServerRequest request, int maxBytes, Handler<byte[]> then, Runnable tooLarge) {
    if (request.isEnded()) {
      then.handle(new byte[0]);
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
            then.handle(body.getBytes());
          }
        });
    request.exceptionHandler(e -> request.connection().close());
    request.resume();
  }
}
