package io.consentplatform.app.health;

import io.consentplatform.core.db.DatabaseSetup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the schema is migrated: until the database has answered once, nothing can be served,
 * although the process is alive (liveness stays UP, so it is not restarted in a loop).
 */
@Readiness
public class SchemaReadiness implements HealthCheck {

  private final DatabaseSetup database;

  public SchemaReadiness(DatabaseSetup database) {
    this.database = database;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("Consent schema").status(database.isReady()).build();
  }
}
