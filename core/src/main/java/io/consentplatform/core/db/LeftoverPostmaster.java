package io.consentplatform.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Clears what a platform that was killed left in its data directory before a new start: a
 * PostgreSQL still serving it would hold the directory, and the new server would wait for a port
 * that never answers. Called only once {@link DataDirectoryOwner} has shown that no live process
 * owns the directory, so whatever still runs there is an orphan.
 */
final class LeftoverPostmaster {

  private static final Logger LOG = Logger.getLogger(LeftoverPostmaster.class);

  /** Fast shutdown: ends sessions, rolls back what was not committed, checkpoints. */
  private static final Duration FAST = Duration.ofSeconds(15);

  /** Immediate shutdown: stops at once; the next start replays the write-ahead log. */
  private static final Duration IMMEDIATE = Duration.ofSeconds(10);

  private LeftoverPostmaster() {}

  static void stopIfRunning(Path dataDirectory) {
    Optional<PostmasterPid> pidFile = PostmasterPid.in(dataDirectory);
    if (pidFile.isEmpty()) {
      return;
    }
    PostmasterPid found = pidFile.get();
    Optional<ProcessHandle> process = found.process();
    if (process.isEmpty()) {
      // PostgreSQL itself removes a lock file whose process is gone when it starts.
      LOG.infof(
          "%s names process %d, which is gone: a stale lock file that PostgreSQL replaces",
          found.file(), found.pid());
      return;
    }
    Optional<Boolean> postgres = isPostgresOn(process.get(), found, dataDirectory);
    if (postgres.isEmpty()) {
      return; // cannot tell (another user's process): let PostgreSQL decide as it always does
    }
    if (!postgres.get()) {
      // A reused process id (common in containers): PostgreSQL would refuse to start for good.
      LOG.infof(
          "%s names process %d, which is not PostgreSQL on this directory: removing the stale"
              + " lock file",
          found.file(), found.pid());
      delete(found.file());
      return;
    }
    LOG.warnf(
        "The embedded PostgreSQL of a platform that did not stop (process %d) still runs on %s:"
            + " stopping it before starting again",
        found.pid(), dataDirectory);
    long started = System.nanoTime();
    if (!stop(process.get(), "INT", FAST)) {
      LOG.warnf(
          "PostgreSQL (process %d) did not stop within %s: immediate shutdown", found.pid(), FAST);
      if (!stop(process.get(), "QUIT", IMMEDIATE)) {
        throw new IllegalStateException(
            "Could not stop the PostgreSQL (process "
                + found.pid()
                + ") left running on "
                + dataDirectory
                + "; stop it by hand and start again");
      }
    }
    LOG.infof(
        "Stopped the left-over PostgreSQL in %d ms; every transaction it committed is kept",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /**
   * Whether {@code process} is a PostgreSQL server on {@code dataDirectory}; empty when its
   * executable cannot be seen.
   */
  private static Optional<Boolean> isPostgresOn(
      ProcessHandle process, PostmasterPid found, Path dataDirectory) {
    Optional<String> command = process.info().command();
    if (command.isEmpty()) {
      return Optional.empty();
    }
    boolean postgres = Path.of(command.get()).getFileName().toString().equals("postgres");
    return Optional.of(postgres && sameFile(found.dataDirectory(), dataDirectory));
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Sends PostgreSQL one of its shutdown signals (SIGINT fast, SIGQUIT immediate) through the
   * shell, which every system that runs the embedded binaries has, and waits for the process to
   * end.
   */
  private static boolean stop(ProcessHandle process, String signal, Duration within) {
    try {
      new ProcessBuilder("sh", "-c", "kill -" + signal + " " + process.pid())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
      long deadline = System.nanoTime() + within.toNanos();
      while (PostmasterPid.running(process)) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(50);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping PostgreSQL", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
