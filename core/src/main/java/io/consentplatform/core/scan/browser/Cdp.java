package io.consentplatform.core.scan.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consentplatform.core.scan.ScanFailed;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The Chrome DevTools Protocol over one WebSocket to the browser, with flattened sessions for its
 * pages and frames. Only the protocol's stable domains are used, and no generated client, so that a
 * Chromium update does not break it. Events are told on the Vert.x event loop: listeners only
 * record and answer, they never wait.
 */
final class Cdp implements AutoCloseable {

  /** An event of the browser, of one of its sessions ({@code null} for the browser itself). */
  @FunctionalInterface
  interface Listener {
    void event(String sessionId, String method, JsonNode params);
  }

  private static final Logger LOG = Logger.getLogger(Cdp.class);
  // A page's cookies, frame tree or evaluation result can be large; the defaults are 64 KiB.
  private static final int MAX_MESSAGE = 64 * 1024 * 1024;

  private final ObjectMapper json;
  private final WebSocketClient client;
  private final WebSocket socket;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private Cdp(ObjectMapper json, WebSocketClient client, WebSocket socket) {
    this.json = json;
    this.client = client;
    this.socket = socket;
  }

  static Cdp connect(Vertx vertx, ObjectMapper json, int port, String path, Duration wait) {
    WebSocketClient client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setMaxFrameSize(MAX_MESSAGE)
                .setMaxMessageSize(MAX_MESSAGE)
                .setConnectTimeout((int) wait.toMillis()));
    // Chromium refuses a DevTools handshake that carries an Origin it was not told to allow.
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI(path)
            .setAllowOriginHeader(false);
    try {
      WebSocket socket =
          client
              .connect(options)
              .toCompletionStage()
              .toCompletableFuture()
              .get(wait.toMillis(), TimeUnit.MILLISECONDS);
      Cdp cdp = new Cdp(json, client, socket);
      socket.textMessageHandler(cdp::receive);
      socket.closeHandler(ignored -> cdp.fail("the browser closed the DevTools connection"));
      socket.exceptionHandler(e -> LOG.debugf("DevTools connection: %s", e.toString()));
      return cdp;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      client.close();
      throw new ScanFailed("The scan was interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      client.close();
      throw new ScanFailed("The scanner could not reach its browser's DevTools", e);
    }
  }

  void listen(Listener listener) {
    listeners.add(listener);
  }

  ObjectNode params() {
    return json.createObjectNode();
  }

  ObjectMapper json() {
    return json;
  }

  /** Sends a command without waiting; the answer's {@code result}, or an exception. */
  CompletableFuture<JsonNode> send(String sessionId, String method, JsonNode params) {
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    if (closed) {
      answer.completeExceptionally(new IllegalStateException("DevTools connection closed"));
      return answer;
    }
    long id = ids.incrementAndGet();
    ObjectNode message = json.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", params == null ? json.createObjectNode() : params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    pending.put(id, answer);
    socket
        .writeTextMessage(message.toString())
        .onFailure(
            e -> {
              pending.remove(id);
              answer.completeExceptionally(e);
            });
    return answer;
  }

  /** Sends a command and waits for its answer. */
  JsonNode call(String sessionId, String method, JsonNode params, Duration wait) {
    CompletableFuture<JsonNode> answer = send(sessionId, method, params);
    try {
      return answer.get(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScanFailed("The scan was interrupted", e);
    } catch (ExecutionException e) {
      throw new CdpError(method + ": " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      answer.cancel(false);
      throw new CdpTimeout(method + " did not answer in " + wait.toMillis() + " ms");
    }
  }

  private void receive(String text) {
    JsonNode message;
    try {
      message = json.readTree(text);
    } catch (Exception e) {
      LOG.debugf("Unreadable DevTools message: %s", e.getMessage());
      return;
    }
    JsonNode id = message.get("id");
    if (id != null) {
      CompletableFuture<JsonNode> answer = pending.remove(id.asLong());
      if (answer != null) {
        JsonNode error = message.get("error");
        if (error != null) {
          answer.completeExceptionally(new CdpError(error.path("message").asText()));
        } else {
          answer.complete(message.path("result"));
        }
      }
      return;
    }
    String method = message.path("method").asText();
    String sessionId = message.hasNonNull("sessionId") ? message.get("sessionId").asText() : null;
    JsonNode params = message.path("params");
    for (Listener listener : listeners) {
      try {
        listener.event(sessionId, method, params);
      } catch (RuntimeException e) {
        LOG.debugf(e, "A DevTools listener failed on %s", method);
      }
    }
  }

  private void fail(String why) {
    closed = true;
    for (CompletableFuture<JsonNode> answer : pending.values()) {
      answer.completeExceptionally(new CdpError(why));
    }
    pending.clear();
  }

  @Override
  public void close() {
    fail("closed");
    socket.close();
    client.close();
  }

  /** The browser answered a command with an error. */
  static class CdpError extends RuntimeException {
    CdpError(String message) {
      super(message);
    }
  }

  /** The browser did not answer in time. */
  static final class CdpTimeout extends CdpError {
    CdpTimeout(String message) {
      super(message);
    }
  }
}
