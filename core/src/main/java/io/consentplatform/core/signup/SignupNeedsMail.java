package io.consentplatform.core.signup;

import io.consentplatform.core.tenant.AccountsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start with sign-up switched on and no mail: a sign-up is confirmed only by its mailed
 * link, so the form would take requests nobody could ever confirm.
 */
@ApplicationScoped
class SignupNeedsMail {

  void check(@Observes StartupEvent start, SignupConfig signup, AccountsConfig accounts) {
    if (signup.enabled() && !accounts.sendMail()) {
      throw new IllegalStateException(
          "consent.signup.enabled=true needs mail: set consent.accounts.send-mail=true and the"
              + " SMTP server (quarkus.mailer.host, quarkus.mailer.port, quarkus.mailer.from), or"
              + " switch sign-up off");
    }
  }
}
