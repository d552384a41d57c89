package io.consentplatform.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A tenant's receiving system as a real HTTP server on loopback: it keeps every request as it
 * arrived (headers with lower-case names, as signature libraries look them up; the body's exact
 * bytes) and answers each path with the statuses a test planned, else with the current answer (204
 * unless told otherwise). A planned {@code -1} answers nothing for two seconds (a timeout).
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One request as it arrived, and the status it was answered with. */
  public record Request(String path, Map<String, List<String>> headers, String body, int answered) {

    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private final HttpServer server;
  private final List<Request> received = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Integer>> plans = new ConcurrentHashMap<>();
  private volatile int answer = 204;

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/", this::handle);
    // A thread per request: a timeout being played, or a connection a dying instance left
    // half-sent, does not hold up the others.
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next answers to requests on {@code path}, in order. */
  public void plan(String path, Integer... statuses) {
    plans.computeIfAbsent(path, p -> new LinkedList<>()).addAll(List.of(statuses));
  }

  /** From now on, every request without a planned answer is answered with {@code status}. */
  public void answer(int status) {
    answer = status;
  }

  /** Every request so far, in the order they arrived. */
  public List<Request> received() {
    return List.copyOf(received);
  }

  public List<Request> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Map<String, List<String>> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Deque<Integer> plan = plans.get(path);
    Integer planned = plan == null ? null : plan.pollFirst();
    int status = planned == null ? answer : planned;
    received.add(new Request(path, headers, body, status));
    if (status == -1) {
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      status = 204;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
