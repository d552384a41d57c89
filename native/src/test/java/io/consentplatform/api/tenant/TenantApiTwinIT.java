package io.consentplatform.api.tenant;

import io.consentplatform.app.PackagedApplication;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The api module's {@link TenantApiTest} against the packaged application (the jar, or the
 * executable).
 *
 * <p>The test resources are named again: an integration test does not take them from the class it
 * extends.
 */
@QuarkusIntegrationTest
@TestProfile(ApiSuiteProfile.class)
@ResourceLock(PackagedApplication.LOCK)
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class TenantApiTwinIT extends TenantApiTest {}
