package io.consentplatform.app;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** A visitor's path against the packaged application (the jar here, the executable in native). */
@QuarkusIntegrationTest
class VisitorPathIT extends VisitorPathTest {}
