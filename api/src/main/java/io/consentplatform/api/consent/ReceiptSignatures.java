package io.consentplatform.api.consent;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The signatures of recently read receipts: Ed25519 in Java costs more than the read itself, and a
 * page that fetches its receipt again, or a client that asks in a loop, should not pay it each
 * time. A signature is reused only for the very bytes it signed (this instance's key never changes
 * while it runs); the table is bounded and forgotten when full.
 */
@ApplicationScoped
class ReceiptSignatures {

  private static final int MAX_ENTRIES = 10_000;

  private record Signed(byte[] payload, String jws) {}

  private final Map<UUID, Signed> byConsent = new ConcurrentHashMap<>();

  /** The signature of {@code payload}, the receipt of {@code consentId}, made by {@code sign}. */
  String of(UUID consentId, byte[] payload, Supplier<String> sign) {
    Signed cached = byConsent.get(consentId);
    if (cached != null && Arrays.equals(cached.payload(), payload)) {
      return cached.jws();
    }
    String jws = sign.get();
    if (byConsent.size() >= MAX_ENTRIES) {
      byConsent.clear();
    }
    byConsent.put(consentId, new Signed(payload, jws));
    return jws;
  }

  /** How many signatures are kept (for tests). */
  int size() {
    return byConsent.size();
  }
}
