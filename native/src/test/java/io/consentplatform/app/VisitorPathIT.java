package io.consentplatform.app;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.parallel.ResourceLock;

/** A visitor's path against the packaged application (the jar here, the executable in native). */
@QuarkusIntegrationTest
@ResourceLock(PackagedApplication.LOCK)
class VisitorPathIT extends VisitorPathTest {}
