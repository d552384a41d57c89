package io.consentplatform.core.tenant;

import io.consentplatform.core.signup.SignupLink;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends a one-time link to the person it is for, in English or French, when the platform has an
 * SMTP server ({@code consent.accounts.send-mail} and {@code quarkus.mailer.*}). The wording lives
 * in {@code link-mail_<language>.properties} under {@code core/text}.
 */
@ApplicationScoped
public class LinkMail {

  /** What became of a link's mail, for the page that made the link. */
  public enum Outcome {
    SENT,
    NOT_CONFIGURED,
    FAILED
  }

  private static final Logger LOG = Logger.getLogger(LinkMail.class);
  private static final List<String> LANGUAGES = List.of("en", "fr");
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Map<String, Properties> TEXTS =
      LANGUAGES.stream().collect(Collectors.toUnmodifiableMap(l -> l, LinkMail::read));

  private final Mailer mailer;
  private final boolean enabled;

  public LinkMail(Mailer mailer, AccountsConfig config) {
    this.mailer = mailer;
    this.enabled = config.sendMail();
  }

  /** Whether links travel by e-mail on this platform. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Mails {@code link}, reachable at {@code url}, in {@code language} (English when it has no
   * text); {@code tenantName} names the inviting tenant. Never throws: the link was shown anyway.
   */
  public Outcome send(IssuedLink link, String url, String tenantName, String language) {
    if (!enabled) {
      return Outcome.NOT_CONFIGURED;
    }
    Properties texts = TEXTS.getOrDefault(language, TEXTS.get("en"));
    String kind = link.purpose() == LinkPurpose.INVITATION ? "invitation" : "reset";
    Function<String, String> text =
        key ->
            new MessageFormat(texts.getProperty(kind + "." + key), Locale.ROOT)
                .format(new Object[] {tenantName, url, WHEN.format(link.expiresAt())});
    try {
      mailer.send(Mail.withText(link.email(), text.apply("subject"), text.apply("body")));
      return Outcome.SENT;
    } catch (RuntimeException e) {
      // The address is personal data: the log names the failure, not the person.
      LOG.warnf("A %s mail could not be sent: %s", kind, e.getMessage());
      return Outcome.FAILED;
    }
  }

  /**
   * Mails a sign-up's confirmation link, reachable at {@code url}; the text says whether the
   * address's existing password or a new one confirms it. Never throws: the page answers the same
   * whatever happens, so that it tells nobody whether the address has an account.
   */
  public Outcome sendSignup(SignupLink link, String url) {
    if (!enabled) {
      return Outcome.NOT_CONFIGURED;
    }
    Properties texts = TEXTS.getOrDefault(link.language(), TEXTS.get("en"));
    String body = link.hasAccount() ? "signup.body.existing" : "signup.body.new";
    Object[] values = {link.organisation(), url, WHEN.format(link.expiresAt())};
    try {
      mailer.send(
          Mail.withText(
              link.email(),
              new MessageFormat(texts.getProperty("signup.subject"), Locale.ROOT).format(values),
              new MessageFormat(texts.getProperty(body), Locale.ROOT).format(values)));
      return Outcome.SENT;
    } catch (RuntimeException e) {
      LOG.warnf("A sign-up mail could not be sent: %s", e.getMessage());
      return Outcome.FAILED;
    }
  }

  private static Properties read(String language) {
    String file = "/io/consentplatform/core/text/link-mail_" + language + ".properties";
    Properties texts = new Properties();
    try (InputStream in = LinkMail.class.getResourceAsStream(file);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      texts.load(reader);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("Cannot read the mail texts " + file, e);
    }
    return texts;
  }
}
