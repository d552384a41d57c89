package io.consentplatform.app;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The same checks against the packaged application (the jar here, the executable in native). */
@QuarkusIntegrationTest
@ResourceLock(PackagedApplication.LOCK)
class ApplicationIT extends ApplicationTest {}
