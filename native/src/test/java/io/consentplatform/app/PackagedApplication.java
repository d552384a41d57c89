package io.consentplatform.app;

/**
 * What integration tests that run the packaged application through Quarkus share: the ports it
 * listens on (the test port and the management interface's fixed one) and the log file Quarkus
 * reads its start from. Failsafe runs two test classes at a time; these take turns.
 */
public final class PackagedApplication {

  /** The lock such a test class holds while it runs ({@code @ResourceLock}). */
  public static final String LOCK = "packaged-application";

  private PackagedApplication() {}
}
