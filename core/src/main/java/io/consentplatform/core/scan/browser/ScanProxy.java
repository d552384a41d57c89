package io.consentplatform.core.scan.browser;

import io.consentplatform.core.net.AddressPolicy;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The HTTP proxy every request of a scan goes through, on loopback, one per scan. It resolves each
 * host itself, asks the {@link AddressPolicy}, and connects to exactly the address it checked, so
 * that neither a page, a redirect nor a DNS answer that changes between two lookups (rebinding)
 * leads the browser to a private address. Tunnels ({@code CONNECT}) carry HTTPS and WebSockets;
 * plain HTTP comes in absolute form and goes out one request per connection.
 */
final class ScanProxy implements AutoCloseable {

  /** The header of the proxy's own refusals, so that they are not mistaken for the site's. */
  static final String REFUSAL_HEADER = "X-Consent-Scanner";

  private static final Logger LOG = Logger.getLogger(ScanProxy.class);
  private static final int MAX_HEAD = 64 * 1024;
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int IDLE_TIMEOUT_MS = 120_000;
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection", "proxy-connection", "keep-alive", "proxy-authorization", "te", "upgrade");

  private final AddressPolicy policy;
  private final ServerSocket server;
  private final ExecutorService threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  ScanProxy(AddressPolicy policy) throws IOException {
    this.policy = policy;
    this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    this.threads =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "scan-proxy");
              thread.setDaemon(true);
              thread.setPriority(Thread.MIN_PRIORITY);
              return thread;
            });
    threads.execute(this::accept);
  }

  InetSocketAddress address() {
    return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
  }

  int port() {
    return server.getLocalPort();
  }

  /** The {@code host:port} pairs refused so far. */
  Set<String> refused() {
    return Set.copyOf(refused);
  }

  boolean refused(String host, int port) {
    return refused.contains(AddressPolicy.authority(host, port));
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        open.add(client);
        threads.execute(() -> serve(client));
      } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
        if (!closed) {
          LOG.debugf("The scan proxy stopped accepting: %s", e.getMessage());
        }
        return;
      }
    }
  }

  private void serve(Socket client) {
    Socket upstream = null;
    try {
      client.setSoTimeout(IDLE_TIMEOUT_MS);
      InputStream in = new BufferedInputStream(client.getInputStream());
      String head = readHead(in);
      if (head == null) {
        return;
      }
      String[] lines = head.split("\r\n");
      String[] request = lines[0].split(" ");
      if (request.length != 3) {
        answer(client, 400, "Bad Request", "not an HTTP request");
        return;
      }
      String method = request[0];
      String target = request[1];
      String host;
      int port;
      if ("CONNECT".equalsIgnoreCase(method)) {
        int colon = target.lastIndexOf(':');
        if (colon < 0 || target.endsWith("]")) {
          answer(client, 400, "Bad Request", "CONNECT needs host:port");
          return;
        }
        host = target.substring(0, colon);
        port = Integer.parseInt(target.substring(colon + 1));
      } else if (target.regionMatches(true, 0, "http://", 0, 7)) {
        URI uri = URI.create(target);
        host = uri.getHost();
        port = uri.getPort() == -1 ? 80 : uri.getPort();
        if (host == null) {
          answer(client, 400, "Bad Request", "no host");
          return;
        }
      } else {
        answer(client, 400, "Bad Request", "only CONNECT and absolute http:// requests");
        return;
      }
      InetAddress address;
      try {
        address = policy.resolve(host, port);
      } catch (AddressPolicy.Refused refusal) {
        refused.add(AddressPolicy.authority(host, port));
        LOG.debugf("The scan proxy refused %s:%d: %s", host, port, refusal.getMessage());
        answer(client, 403, "Forbidden", refusal.getMessage());
        return;
      } catch (IOException unknown) {
        answer(client, 502, "Bad Gateway", "unknown host " + host);
        return;
      }
      upstream = new Socket();
      open.add(upstream);
      try {
        upstream.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
      } catch (IOException unreachable) {
        answer(client, 502, "Bad Gateway", "cannot connect to " + host + ":" + port);
        return;
      }
      upstream.setSoTimeout(IDLE_TIMEOUT_MS);
      if ("CONNECT".equalsIgnoreCase(method)) {
        client
            .getOutputStream()
            .write(
                "HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
        tunnel(in, client, upstream);
      } else {
        forward(lines, method, URI.create(target), in, client, upstream);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debugf("A scan proxy connection ended: %s", e.toString());
    } finally {
      close(client);
      close(upstream);
    }
  }

  private void tunnel(InputStream in, Socket client, Socket upstream) throws IOException {
    Socket up = upstream;
    threads.execute(
        () -> {
          try {
            in.transferTo(up.getOutputStream());
          } catch (IOException ended) {
            // the other direction notices and closes both
          } finally {
            close(up);
          }
        });
    try {
      upstream.getInputStream().transferTo(client.getOutputStream());
    } catch (IOException ended) {
      // closing both is all there is to do
    }
  }

  private void forward(
      String[] lines, String method, URI target, InputStream in, Socket client, Socket upstream)
      throws IOException {
    StringBuilder head = new StringBuilder();
    String path =
        target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    if (target.getRawQuery() != null) {
      path += "?" + target.getRawQuery();
    }
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    appendHeaders(head, List.of(lines).subList(1, lines.length));
    OutputStream toUpstream = upstream.getOutputStream();
    toUpstream.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    toUpstream.flush();
    // A request body (a page's fetch or beacon) follows as it comes; the upstream answers once.
    threads.execute(
        () -> {
          try {
            in.transferTo(toUpstream);
          } catch (IOException ended) {
            // the response side closes both
          }
        });
    InputStream fromUpstream = new BufferedInputStream(upstream.getInputStream());
    String response = readHead(fromUpstream);
    if (response == null) {
      answer(client, 502, "Bad Gateway", "no answer");
      return;
    }
    String[] responseLines = response.split("\r\n");
    StringBuilder out = new StringBuilder(responseLines[0]).append("\r\n");
    appendHeaders(out, List.of(responseLines).subList(1, responseLines.length));
    OutputStream toClient = client.getOutputStream();
    toClient.write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
    fromUpstream.transferTo(toClient);
    toClient.flush();
  }

  /** Copies the end-to-end headers and closes the connection after one exchange. */
  private static void appendHeaders(StringBuilder out, List<String> headers) {
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name)) {
        out.append(header).append("\r\n");
      }
    }
    out.append("Connection: close\r\n\r\n");
  }

  private static void answer(Socket client, int status, String reason, String message)
      throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
            + body.length
            + "\r\n"
            + REFUSAL_HEADER
            + ": "
            + (status == 403 ? "refused" : "failed")
            + "\r\nConnection: close\r\n\r\n";
    OutputStream out = client.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** The request or status line and headers, up to the empty line; null at a closed stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      if (head.size() > MAX_HEAD) {
        throw new IOException("head too long");
      }
      matched =
          (b == '\r' && (matched == 0 || matched == 2))
                  || (b == '\n' && (matched == 1 || matched == 3))
              ? matched + 1
              : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.length() - 4);
  }

  private void close(Socket socket) {
    if (socket != null) {
      open.remove(socket);
      try {
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // already closed
    }
    for (Socket socket : List.copyOf(open)) {
      close(socket);
    }
    threads.shutdownNow();
  }
}
