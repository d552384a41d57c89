package io.consentplatform.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing on the sign-in form before any bcrypt hash is computed: after a few
 * failures an account answers only after a delay that doubles with each further failure (up to a
 * ceiling, never a lock: its owner can always sign in once the delay has passed), and an address
 * that fails too often in a window is blocked for a while. Kept in memory per instance, like the
 * visitors' rate limit: a restart forgets it.
 */
@ApplicationScoped
public class SignInThrottle {

  /** Failures an account may have before the delays start: typing mistakes are free. */
  static final int FREE_FAILURES = 3;

  /** How many accounts and addresses are remembered at most, so that a flood cannot fill memory. */
  static final int MAX_ENTRIES = 20_000;

  private record Account(int failures, Instant openAt) {}

  private record Address(Instant windowStart, int failures, Instant openAt) {}

  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Map<String, Address> addresses = new ConcurrentHashMap<>();
  private final AdminConfig.SignIn config;

  @Inject
  public SignInThrottle(AdminConfig config) {
    this(config.signIn());
  }

  SignInThrottle(AdminConfig.SignIn config) {
    this.config = config;
  }

  /** How long {@code address} must wait before trying {@code email}, if it must. */
  public Optional<Duration> wait(String email, String address, Instant now) {
    Instant openAt = Instant.MIN;
    Account account = accounts.get(key(email));
    if (account != null && account.openAt().isAfter(openAt)) {
      openAt = account.openAt();
    }
    Address from = address == null ? null : addresses.get(address);
    if (from != null && from.openAt().isAfter(openAt)) {
      openAt = from.openAt();
    }
    return openAt.isAfter(now) ? Optional.of(Duration.between(now, openAt)) : Optional.empty();
  }

  /** A wrong e-mail or password: the account's delay grows, the address's count too. */
  public void failed(String email, String address, Instant now) {
    trim(now);
    accounts.compute(
        key(email),
        (k, before) -> {
          int failures = before == null ? 1 : before.failures() + 1;
          return new Account(failures, now.plus(delayAfter(failures)));
        });
    if (address != null) {
      addresses.compute(
          address,
          (k, before) -> {
            boolean fresh =
                before == null || !now.isBefore(before.windowStart().plus(config.addressWindow()));
            Instant start = fresh ? now : before.windowStart();
            int failures = fresh ? 1 : before.failures() + 1;
            Instant openAt =
                failures >= config.addressFailures()
                    ? now.plus(config.addressBlock())
                    : (fresh ? Instant.MIN : before.openAt());
            return new Address(start, failures, openAt);
          });
    }
  }

  /** A successful sign-in: the account starts afresh (its address's count stays). */
  public void succeeded(String email) {
    accounts.remove(key(email));
  }

  /**
   * Nothing for the first failures, then the first delay, twice that, four times… up to the
   * ceiling.
   */
  Duration delayAfter(int failures) {
    if (failures <= FREE_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - FREE_FAILURES - 1, 20);
    Duration delay = config.firstDelay().multipliedBy(1L << doublings);
    return delay.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : delay;
  }

  /** Forgets what no longer slows anyone down once the maps grow past their bound. */
  private void trim(Instant now) {
    if (accounts.size() >= MAX_ENTRIES) {
      // An account whose delay has passed and that failed little is no longer worth keeping.
      accounts.values().removeIf(a -> !a.openAt().isAfter(now) && a.failures() <= FREE_FAILURES);
      if (accounts.size() >= MAX_ENTRIES) {
        accounts.values().removeIf(a -> !a.openAt().isAfter(now));
      }
      if (accounts.size() >= MAX_ENTRIES) {
        // Only a spray over tens of thousands of accounts gets here, each attempt costing a hash
        // and counting against its address: memory comes first.
        accounts.clear();
      }
    }
    if (addresses.size() >= MAX_ENTRIES) {
      addresses
          .values()
          .removeIf(
              a ->
                  !a.openAt().isAfter(now)
                      && !now.isBefore(a.windowStart().plus(config.addressWindow())));
      if (addresses.size() >= MAX_ENTRIES) {
        addresses.values().removeIf(a -> !a.openAt().isAfter(now));
      }
      if (addresses.size() >= MAX_ENTRIES) {
        addresses.clear();
      }
    }
  }

  /** How many accounts are remembered (for tests of the bound). */
  int size() {
    return accounts.size();
  }

  private static String key(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
