package io.consentplatform.core.webhook;

import com.google.common.net.InetAddresses;
import io.consentplatform.core.net.AddressPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Posts one signed delivery over HTTP/1.1 and reads the answer's status. It speaks HTTP on a socket
 * of its own rather than through an HTTP client because it must connect to the address the policy
 * checked (a second DNS lookup could lead elsewhere) while TLS still verifies the certificate for
 * the host name; redirects are never followed, a 3xx is a failure.
 */
final class WebhookSender {

  /** What came of an attempt: a status (0 when no answer came), or why not, and Retry-After. */
  record Outcome(int status, String error, Duration retryAfter) {
    boolean succeeded() {
      return status >= 200 && status < 300;
    }
  }

  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private WebhookSender() {}

  static Outcome send(
      String url,
      String messageId,
      long timestamp,
      String signature,
      byte[] body,
      Duration timeout,
      boolean allowPrivateNetworks) {
    URI uri;
    InetAddress address;
    try {
      uri = WebhookUrls.parsed(url, allowPrivateNetworks);
      address = WebhookUrls.resolve(uri, allowPrivateNetworks);
    } catch (AddressPolicy.Refused refused) {
      return new Outcome(0, refused.getMessage(), null);
    } catch (UnknownHostException unknown) {
      return new Outcome(0, uri(url) + " does not resolve", null);
    } catch (RuntimeException rejected) {
      return new Outcome(0, rejected.getMessage(), null);
    }
    Instant deadline = Instant.now().plus(timeout);
    int port = WebhookUrls.port(uri);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), millis(timeout));
      socket.setSoTimeout(millis(timeout));
      Socket channel = "https".equalsIgnoreCase(uri.getScheme()) ? tls(socket, uri, port) : socket;
      OutputStream out = channel.getOutputStream();
      out.write(request(uri, port, messageId, timestamp, signature, body));
      out.write(body);
      out.flush();
      return answer(channel.getInputStream(), deadline);
    } catch (SocketTimeoutException e) {
      return new Outcome(0, "No answer within " + timeout.toMillis() + " ms", null);
    } catch (IOException e) {
      return new Outcome(0, "Connection failed: " + e.getMessage(), null);
    }
  }

  private static String uri(String url) {
    return url.length() > 200 ? url.substring(0, 200) : url;
  }

  private static Socket tls(Socket socket, URI uri, int port) throws IOException {
    try {
      SSLSocket tls =
          (SSLSocket)
              SSLContext.getDefault()
                  .getSocketFactory()
                  .createSocket(socket, uri.getHost(), port, true);
      SSLParameters parameters = tls.getSSLParameters();
      // The certificate is checked against the URL's host, not the address connected to.
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      // SNI names a host; an address literal has none to send.
      if (!uri.getHost().startsWith("[") && !InetAddresses.isInetAddress(uri.getHost())) {
        parameters.setServerNames(List.of(new SNIHostName(uri.getHost())));
      }
      tls.setSSLParameters(parameters);
      tls.startHandshake();
      return tls;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("TLS is part of every JDK", e);
    }
  }

  private static byte[] request(
      URI uri, int port, String messageId, long timestamp, String signature, byte[] body) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    boolean defaultPort = port == ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\n"
            + "Host: "
            + uri.getHost()
            + (defaultPort ? "" : ":" + port)
            + "\r\n"
            + "User-Agent: ConsentPlatform-Webhooks/1.0\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n"
            + "webhook-id: "
            + messageId
            + "\r\n"
            + "webhook-timestamp: "
            + timestamp
            + "\r\n"
            + "webhook-signature: "
            + signature
            + "\r\n"
            + "Connection: close\r\n\r\n";
    return head.getBytes(StandardCharsets.US_ASCII);
  }

  /** The status line and headers of the answer; its body is not needed and not read. */
  private static Outcome answer(InputStream in, Instant deadline) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      if (Instant.now().isAfter(deadline)) {
        throw new SocketTimeoutException("deadline");
      }
      int b = in.read();
      if (b < 0 || head.size() > MAX_HEADER_BYTES) {
        return new Outcome(0, "The answer was not HTTP", null);
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status;
    try {
      status = Integer.parseInt(statusLine[1]);
    } catch (RuntimeException e) {
      return new Outcome(0, "The answer was not HTTP", null);
    }
    Duration retryAfter = null;
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("retry-after")) {
        retryAfter = retryAfter(line.substring(colon + 1).trim());
      }
    }
    String error =
        status >= 200 && status < 300
            ? null
            : "HTTP "
                + status
                + (status >= 300 && status < 400 ? " (redirects are not followed)" : "");
    return new Outcome(status, error, retryAfter);
  }

  /** Retry-After in seconds or as an HTTP date; null when it is neither. */
  static Duration retryAfter(String value) {
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(Instant.now(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (RuntimeException notADate) {
        return null;
      }
    }
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
  }
}
