package io.consentplatform.core.db;

/**
 * Another live process already runs the embedded PostgreSQL on this data directory: a second
 * platform must neither share it nor stop it.
 */
public final class DataDirectoryInUse extends RuntimeException {

  DataDirectoryInUse(String message) {
    super(message);
  }
}
