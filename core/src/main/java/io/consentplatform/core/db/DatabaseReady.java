package io.consentplatform.core.db;

/**
 * Fired once the database answers and its schema is migrated: work that needs the database at
 * start-up (the demo tenant, the first owner) observes this rather than the start-up itself, so
 * that the application starts, and waits, while its database is away.
 */
public record DatabaseReady() {}
