package io.consentplatform.app;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application (the jar here, the executable in native). */
@QuarkusIntegrationTest
class ApplicationIT extends ApplicationTest {}
