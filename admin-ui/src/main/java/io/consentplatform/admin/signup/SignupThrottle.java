package io.consentplatform.admin.signup;

import io.consentplatform.core.signup.SignupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits how many sign-ups one client address may ask for in a window, so that nobody uses the form
 * to mail a flood of confirmation links to strangers. Kept in memory per instance, like the sign-in
 * throttle: a restart forgets it. (Each e-mail address has its own limit in the database.)
 */
@ApplicationScoped
class SignupThrottle {

  /** How many addresses are remembered at most, so that a flood cannot fill memory. */
  static final int MAX_ENTRIES = 20_000;

  private record Window(Instant start, int requests) {}

  private final Map<String, Window> clients = new ConcurrentHashMap<>();
  private final int limit;
  private final Duration window;

  SignupThrottle(SignupConfig config) {
    this.limit = config.perClient();
    this.window = config.clientWindow();
  }

  /** Counts a request from {@code client}; how long it must wait when it is over the limit. */
  Optional<Duration> request(String client, Instant now) {
    if (clients.size() >= MAX_ENTRIES) {
      clients.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
      if (clients.size() >= MAX_ENTRIES) {
        clients.clear();
      }
    }
    Window counted =
        clients.compute(
            client == null ? "" : client,
            (k, before) ->
                before == null || !now.isBefore(before.start().plus(window))
                    ? new Window(now, 1)
                    : new Window(before.start(), before.requests() + 1));
    if (counted.requests() <= limit) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, counted.start().plus(window)));
  }
}
