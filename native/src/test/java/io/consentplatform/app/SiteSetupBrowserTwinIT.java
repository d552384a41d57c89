package io.consentplatform.app;

import io.consentplatform.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@link SiteSetupBrowserTest} against the packaged application (the jar here, the executable in
 * native).
 *
 * <p>The test resources are named again: an integration test does not take them from the class it
 * extends.
 */
@QuarkusIntegrationTest
@ResourceLock(PackagedApplication.LOCK)
@WithTestResource(PostgresResource.class)
class SiteSetupBrowserTwinIT extends SiteSetupBrowserTest {}
