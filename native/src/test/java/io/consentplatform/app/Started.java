package io.consentplatform.app;

import io.consentplatform.core.db.EmbeddedPostgresServer;
import java.util.ArrayList;
import java.util.List;

/**
 * The platforms and the database a test started, all stopped when it ends, however it ends: a
 * platform left running would hold its port and the database's connections for the next test.
 */
final class Started {

  private final List<Platform> platforms = new ArrayList<>();
  EmbeddedPostgresServer database;

  Platform platform(Platform platform) {
    platforms.add(platform);
    return platform;
  }

  void stopAll() throws InterruptedException {
    for (Platform platform : platforms) {
      platform.kill();
    }
    platforms.clear();
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
