package io.consentplatform.core.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A small shell process that stops the embedded PostgreSQL when this JVM is gone and could not stop
 * it itself (SIGKILL, the out-of-memory killer): PostgreSQL is started through pg_ctl and so does
 * not end with its parent. The watchdog learns that the JVM is gone without polling: the JVM holds
 * the write end of its standard input, which the kernel closes when the JVM dies.
 */
final class ParentWatchdog implements AutoCloseable {

  private final Process process;
  private final OutputStream toWatchdog;

  private ParentWatchdog(Process process) {
    this.process = process;
    this.toWatchdog = process.getOutputStream();
  }

  /** Starts watching, before the server starts, so that a JVM dying while it starts is covered. */
  static ParentWatchdog start(Path dataDirectory) {
    try {
      Process process =
          new ProcessBuilder("sh", "-c", script(), "consent-watchdog", dataDirectory.toString())
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      return new ParentWatchdog(process);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded database's watchdog", e);
    }
  }

  /** Names the server to stop if this JVM dies; 0 when there is none to watch. */
  void watch(long serverPid) {
    try {
      toWatchdog.write((serverPid + "\n").getBytes(StandardCharsets.US_ASCII));
      toWatchdog.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server was stopped in order: the watchdog finds nothing to do and ends. */
  @Override
  public void close() {
    try {
      toWatchdog.close();
    } catch (IOException ignored) {
      process.destroy(); // cannot tell it through the pipe: end it
    }
  }

  private static String script() {
    try (InputStream in = ParentWatchdog.class.getResourceAsStream("watchdog.sh")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("watchdog.sh is missing from the application", e);
    }
  }
}
