package io.consentplatform.core.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver on a loopback port: it records every request it gets per path (headers with
 * lower-case names, the body's exact bytes) and answers each path with the statuses a test planned,
 * then 204. A planned {@code -1} answers nothing for two seconds (a timeout).
 */
final class Receiver implements AutoCloseable {

  /** One request as it arrived. */
  record Request(Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }
  }

  private final HttpServer server;
  private final Map<String, List<Request>> received = new ConcurrentHashMap<>();
  private final Map<String, Deque<Integer>> plans = new ConcurrentHashMap<>();

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next answers to requests on {@code path}, in order. */
  void plan(String path, Integer... statuses) {
    plans.computeIfAbsent(path, p -> new LinkedList<>()).addAll(List.of(statuses));
  }

  List<Request> received(String path) {
    return List.copyOf(received.getOrDefault(path, List.of()));
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
    received
        .computeIfAbsent(path, p -> Collections.synchronizedList(new ArrayList<>()))
        .add(new Request(headers, body));
    Deque<Integer> plan = plans.get(path);
    Integer status = plan == null ? null : plan.pollFirst();
    if (status != null && status == -1) {
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      status = 204;
    }
    exchange.sendResponseHeaders(status == null ? 204 : status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
