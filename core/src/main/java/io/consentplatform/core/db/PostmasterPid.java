package io.consentplatform.core.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a data directory's {@code postmaster.pid} says: the process that PostgreSQL started as, and
 * the directory it serves (an absolute path, written by the server itself).
 */
record PostmasterPid(Path file, long pid, Path dataDirectory) {

  static final String FILE_NAME = "postmaster.pid";

  /** The pid file of {@code dataDirectory}, if there is one that can be read. */
  static Optional<PostmasterPid> in(Path dataDirectory) {
    Path file = dataDirectory.resolve(FILE_NAME);
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException absentOrUnreadable) {
      return Optional.empty();
    }
    if (lines.size() < 2) {
      return Optional.empty(); // a server that is writing it right now, or a truncated file
    }
    try {
      return Optional.of(
          new PostmasterPid(file, Long.parseLong(lines.get(0).trim()), Path.of(lines.get(1))));
    } catch (RuntimeException garbled) {
      return Optional.empty();
    }
  }

  /** The process, if it still runs. */
  Optional<ProcessHandle> process() {
    return ProcessHandle.of(pid).filter(PostmasterPid::running);
  }

  /**
   * Whether a process still runs. One that has exited but waits for its parent to collect its exit
   * status (a zombie, state Z) counts as alive for the JDK; a postmaster orphaned by a killed JVM
   * is collected by the init process, which in small containers may take its time or never do it.
   */
  static boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      // pid (command) state ...: the state follows the last parenthesis, the name may hold any
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException | RuntimeException noProcFileSystem) {
      return true; // alive as far as this system tells
    }
  }
}
