package io.consentplatform.api.abuse;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.http.conn.params.ConnRoutePNames;

/**
 * Clients of the platform under test, each from an address of its own on the loopback network
 * (127.0.0.0/8 is all local on Linux): a test that empties a client's rate-limit bucket then
 * empties only its own, never that of the other tests, which all come from 127.0.0.1.
 */
public final class LocalClients {

  private LocalClients() {}

  /** A REST Assured request sent from {@code address}, e.g. 127.0.0.51. */
  @SuppressWarnings("deprecation") // Apache HttpClient 4's parameters are what REST Assured reads
  public static RequestSpecification from(String address) {
    InetAddress local = literal(address);
    return given()
        .baseUri("http://127.0.0.1")
        .port(RestAssured.port)
        .config(
            RestAssured.config()
                .httpClient(
                    HttpClientConfig.httpClientConfig()
                        .setParam(ConnRoutePNames.LOCAL_ADDRESS, local)));
  }

  /** An answer read off a raw connection: its status, headers (lower-case names) and body. */
  public record Answer(int status, String headers, String body) {

    public String header(String name) {
      for (String line : headers.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }
  }

  /**
   * Sends {@code head} (request line and headers, without the blank line) and then {@code body} —
   * possibly less than the head announces, or a chunk of an unfinished chunked body — from {@code
   * address}, and reads the answer without sending anything more. A server that waits for the rest
   * of the body never answers, and the read fails after {@code timeoutMillis}.
   */
  public static Answer exchange(String address, String head, byte[] body, int timeoutMillis) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(literal(address), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(
          (head + "\r\nHost: 127.0.0.1:" + RestAssured.port + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("Connection closed before an answer: " + head);
      }
      head.write(b);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int status = Integer.parseInt(text.substring(9, 12));
    String headers = text.substring(text.indexOf("\r\n") + 2).strip();
    Answer withoutBody = new Answer(status, headers, "");
    String length = withoutBody.header("content-length");
    byte[] body =
        length == null
            ? new byte[0]
            : in.readNBytes(Integer.parseInt(length.toLowerCase(Locale.ROOT)));
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static InetAddress literal(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
