package io.consentplatform.app;

import io.consentplatform.core.testing.GreenMailResource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What the tests' SMTP server (GreenMail) received, read as the person it was for would. */
final class Mailbox {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private Mailbox() {}

  /** The newest mail to {@code address}, waiting a little for one. */
  static MimeMessage newestTo(String address) {
    long until = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<MimeMessage> mine =
          GreenMailResource.received(0).stream().filter(m -> isFor(m, address)).toList();
      if (!mine.isEmpty()) {
        return mine.get(mine.size() - 1);
      }
      if (System.nanoTime() > until) {
        throw new AssertionError("no mail to " + address);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * The link of the mail's text whose address contains {@code path}, which the mail's transfer
   * encoding must not have broken.
   */
  static String linkIn(MimeMessage mail, String path) {
    try {
      String text = mail.getContent().toString();
      return Arrays.stream(text.split("\\s+"))
          .filter(word -> word.contains(path))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no link to " + path + " in " + text));
    } catch (IOException | MessagingException e) {
      throw new AssertionError(e);
    }
  }

  /** Whether {@code mail} was sent to {@code address}. */
  static boolean isFor(MimeMessage mail, String address) {
    try {
      return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().equals(address));
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }
}
