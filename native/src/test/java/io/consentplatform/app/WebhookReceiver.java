package io.consentplatform.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tenant's receiving system, as a real HTTP server on loopback: it answers every delivery with
 * the status it is told to and keeps each request as it arrived, raw body included, for the test to
 * verify the way a receiver would.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One request: its headers (names in lower case, as signature libraries look them up). */
  record Request(Map<String, List<String>> headers, String body, int answered) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  final List<Request> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private volatile int answer;

  WebhookReceiver(int answer) throws IOException {
    this.answer = answer;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext(
        "/hooks",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          Map<String, List<String>> headers = new HashMap<>();
          exchange
              .getRequestHeaders()
              .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
          int status = this.answer;
          received.add(new Request(headers, new String(body, StandardCharsets.UTF_8), status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    // A thread per request: one connection a dying instance left half-sent cannot block the rest.
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  /** From now on, every request is answered with {@code status}. */
  void answer(int status) {
    answer = status;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
