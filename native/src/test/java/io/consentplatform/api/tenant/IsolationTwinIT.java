package io.consentplatform.api.tenant;

import io.consentplatform.app.PackagedApplication;
import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The api module's {@link IsolationTest}, one tenant reaching for another's data through every
 * operation, against the packaged application (the jar, or the native executable).
 *
 * <p>The test resources are named again: an integration test does not take them from the class it
 * extends.
 */
@QuarkusIntegrationTest
@TestProfile(ApiSuiteProfile.class)
@ResourceLock(PackagedApplication.LOCK)
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcServer.class)
class IsolationTwinIT extends IsolationTest {}
