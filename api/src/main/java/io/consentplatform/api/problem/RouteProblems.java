package io.consentplatform.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;

/**
 * Problems answered by plain Vert.x routes, before the REST layer (and its exception mappers) has
 * seen the request: the same RFC 9457 document as {@link ProblemMapper} writes.
 */
public final class RouteProblems {

  private RouteProblems() {}

  /** Writes {@code problem} as the answer, with any extra header pairs (name, value, ...). */
  public static void send(
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
    response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(Buffer.buffer(body));
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
      RoutingContext context, long declared, long drainLimit, Runnable answer) {
    HttpServerRequest request = context.request();
    if (declared > drainLimit || request.isEnded()) {
      context.response().putHeader(HttpHeaders.CONNECTION, "close");
      if (!request.isEnded()) {
        context.response().endHandler(end -> request.connection().close());
      }
      answer.run();
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
    request.endHandler(end -> answer.run());
    request.resume();
  }

  /**
   * Answers at once, without waiting for the body, and then reads and drops what the client still
   * sends, up to {@code dropLimit} bytes; past it (declared, or sent) the connection is closed. For
   * a refusal that does not depend on the body, such as a rate limit: the client's request costs no
   * memory, and a client that sends a small body before reading still reads the answer.
   */
  public static void answerAndDrop(
      RoutingContext context, long declared, long dropLimit, Runnable answer) {
    HttpServerRequest request = context.request();
    if (declared > dropLimit || request.isEnded()) {
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
    answer.run();
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
