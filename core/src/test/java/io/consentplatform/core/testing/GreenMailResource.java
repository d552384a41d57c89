package io.consentplatform.core.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for a test suite, on a free port, with the platform's mailer
 * pointed at it and mail sending switched on. Tests read what arrived with {@link #received}.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

  /** The sender address the platform is configured with in these tests. */
  public static final String FROM = "consent-platform@test.example";

  private static GreenMail server;

  @Override
  public Map<String, String> start() {
    // A dynamic port: the operating system picks a free one, so parallel builds do not collide.
    server =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    server.start();
    return Map.of(
        "consent.accounts.send-mail", "true",
        "quarkus.mailer.mock", "false",
        "quarkus.mailer.host", "127.0.0.1",
        "quarkus.mailer.port", String.valueOf(server.getSmtp().getPort()),
        "quarkus.mailer.from", FROM,
        "quarkus.mailer.start-tls", "DISABLED");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** The messages received so far, waiting up to 10 s until there are at least {@code count}. */
  public static List<MimeMessage> received(int count) {
    server.waitForIncomingEmail(Duration.ofSeconds(10).toMillis(), count);
    return List.of(server.getReceivedMessages());
  }

  /** The messages received so far for {@code address}, waiting for at least one. */
  public static List<MimeMessage> receivedBy(String address) {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<MimeMessage> mine;
    do {
      mine = List.of(server.getReceivedMessagesForDomain(address));
      if (!mine.isEmpty()) {
        return mine;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return mine;
      }
    } while (System.nanoTime() < until);
    return mine;
  }
}
