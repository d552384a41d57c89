package io.consentplatform.core.scan.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.consentplatform.core.net.AddressPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scan's proxy, the boundary every request of the scanner's browser crosses, driven by the
 * JDK's HTTP client and by raw sockets against a server on loopback.
 */
class ScanProxyTest {

  private HttpServer server;
  private final AtomicInteger hits = new AtomicInteger();

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          byte[] body =
              ("host "
                      + exchange.getRequestHeaders().getFirst("Host")
                      + " path "
                      + exchange.getRequestURI())
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int port() {
    return server.getAddress().getPort();
  }

  @Test
  void shouldRefusePlainHttpToLoopbackAndNeverConnect() throws Exception {
    try (ScanProxy proxy = new ScanProxy(new AddressPolicy(false, Set.of()))) {
      HttpResponse<String> answer = get(proxy, "http://127.0.0.1:" + port() + "/secret");

      assertEquals(403, answer.statusCode());
      assertEquals("refused", answer.headers().firstValue("X-Consent-Scanner").orElse(""));
      assertEquals(0, hits.get(), "the server was never reached");
      assertEquals(Set.of("127.0.0.1:" + port()), proxy.refused());
    }
  }

  @Test
  void shouldRefuseATunnelToALoopbackName() throws Exception {
    try (ScanProxy proxy = new ScanProxy(new AddressPolicy(false, Set.of()))) {
      String status = connect(proxy, "shop.localhost:" + port());

      assertEquals("HTTP/1.1 403 Forbidden", status);
      assertEquals(0, hits.get());
      assertTrue(proxy.refused("shop.localhost", port()));
    }
  }

  @Test
  void shouldRefuseTheMetadataAddressInAnIpv6Disguise() throws Exception {
    try (ScanProxy proxy = new ScanProxy(new AddressPolicy(false, Set.of()))) {
      assertEquals("HTTP/1.1 403 Forbidden", connect(proxy, "[::ffff:169.254.169.254]:80"));
      assertEquals("HTTP/1.1 403 Forbidden", connect(proxy, "[64:ff9b::a9fe:a9fe]:80"));
    }
  }

  @Test
  void shouldCarryRequestsToAListedHostAndPort() throws Exception {
    String listed = "shop.localhost:" + port();
    try (ScanProxy proxy = new ScanProxy(new AddressPolicy(false, Set.of(listed)))) {
      HttpResponse<String> answer = get(proxy, "http://" + listed + "/page?q=1");

      assertEquals(200, answer.statusCode());
      assertEquals("host " + listed + " path /page?q=1", answer.body());
      assertEquals("HTTP/1.1 200 Connection Established", connect(proxy, listed));
      assertEquals(
          403,
          get(proxy, "http://127.0.0.1:" + port() + "/").statusCode(),
          "the same server under another name is not listed");
    }
  }

  @Test
  void shouldCarryEverythingWhenPrivateNetworksAreAllowed() throws Exception {
    try (ScanProxy proxy = new ScanProxy(new AddressPolicy(true, Set.of()))) {
      assertEquals(200, get(proxy, "http://127.0.0.1:" + port() + "/").statusCode());
      assertEquals(Set.of(), proxy.refused());
    }
  }

  @Test
  void shouldRefuseARequestThatIsNotForAProxy() throws Exception {
    try (ScanProxy proxy = new ScanProxy(new AddressPolicy(true, Set.of()));
        Socket socket = new Socket("127.0.0.1", proxy.port())) {
      socket
          .getOutputStream()
          .write("GET /secret HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertEquals("HTTP/1.1 400 Bad Request", statusLine(socket.getInputStream()));
      assertEquals(0, hits.get());
    }
  }

  private static HttpResponse<String> get(ScanProxy proxy, String url) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .proxy(ProxySelector.of(proxy.address()))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Asks the proxy for a tunnel and returns its status line. */
  private static String connect(ScanProxy proxy, String authority) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              ("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return statusLine(socket.getInputStream());
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
