package io.consentplatform.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Problems answered by plain Vert.x routes, before the REST layer (and its exception mappers) has
 * seen the request: the same RFC 9457 document as {@link ProblemMapper} writes.
 *
 * <p>A refused body is not read further. Over HTTP/1.x that means closing the connection after the
 * answer; over HTTP/2 the connection also carries the browser's other requests, so only the
 * request's own stream is reset, once the answer is written (RFC 9113, section 8.1: a complete
 * response, then RST_STREAM with NO_ERROR asks the client to stop sending without error).
 */
public final class RouteProblems {

  // RFC 9113, section 7.
  private static final long NO_ERROR = 0x0;

  private RouteProblems() {}

  /**
   * Writes {@code problem} as the answer, with any extra header pairs (name, value, ...).
   *
   * @return completed once the answer is written
   */
  public static Future<Void> send(
      RoutingContext context, ObjectMapper json, Problem problem, String... headers) {
    byte[] body;
    try {
      body = json.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    var response = context.response().setStatusCode(problem.status());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      response.putHeader(headers[i], headers[i + 1]);
    }
    return response
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(Buffer.buffer(body));
  }

  /**
   * Answers once the body has arrived, read and dropped, so that a client that sends all of it
   * before it reads the answer (most HTTP libraries) gets the answer, not a reset connection. A
   * body beyond {@code drainLimit} is not worth reading: the answer goes at once and the connection
   * is closed after it, or as soon as the body read so far passes the limit.
   *
   * @param declared the body's declared length, -1 when it is sent without one
   */
  public static void afterTheBody(
      RoutingContext context, long declared, long drainLimit, Supplier<Future<Void>> answer) {
    HttpServerRequest request = context.request();
    if (request.version() == HttpVersion.HTTP_2) {
      answerAndResetTheStream(context, answer);
      return;
    }
    if (declared > drainLimit || request.isEnded()) {
      context.response().putHeader(HttpHeaders.CONNECTION, "close");
      if (!request.isEnded()) {
        context.response().endHandler(end -> request.connection().close());
      }
      answer.get();
      return;
    }
    long[] read = {0};
    request.handler(
        chunk -> {
          read[0] += chunk.length();
          if (read[0] > drainLimit) {
            request.connection().close();
          }
        });
    request.exceptionHandler(e -> request.connection().close());
    request.endHandler(end -> answer.get());
    request.resume();
  }

  /**
   * Answers at once, without waiting for the body, and then reads and drops what the client still
   * sends, up to {@code dropLimit} bytes; past it (declared, or sent) the connection is closed. For
   * a refusal that does not depend on the body, such as a rate limit: the client's request costs no
   * memory, and a client that sends a small body before reading still reads the answer.
   */
  public static void answerAndDrop(
      RoutingContext context, long declared, long dropLimit, Supplier<Future<Void>> answer) {
    HttpServerRequest request = context.request();
    if (declared > dropLimit || request.isEnded() || request.version() == HttpVersion.HTTP_2) {
      afterTheBody(context, declared, dropLimit, answer);
      return;
    }
    long[] read = {0};
    request.handler(
        chunk -> {
          read[0] += chunk.length();
          if (read[0] > dropLimit) {
            request.connection().close();
          }
        });
    request.exceptionHandler(e -> request.connection().close());
    request.resume();
    answer.get();
  }

  /**
   * HTTP/2 multiplexes: the client reads the answer while it still sends, so nothing needs to be
   * drained first, and closing the connection would fail the page's other requests on it.
   */
  private static void answerAndResetTheStream(
      RoutingContext context, Supplier<Future<Void>> answer) {
    HttpServerRequest request = context.request();
    request.handler(chunk -> {}); // what arrives before the reset is dropped, never buffered
    request.resume();
    answer
        .get()
        .onComplete(
            written -> {
              if (!request.isEnded()) {
                context.response().reset(NO_ERROR);
              }
            });
  }

  /** The value of a {@code Content-Length} header, -1 when absent or malformed. */
  public static long declaredLength(String length) {
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1; // Quarkus refuses a malformed length itself
    }
  }
}
