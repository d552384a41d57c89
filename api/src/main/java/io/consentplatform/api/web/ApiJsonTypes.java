package io.consentplatform.api.web;

import io.consentplatform.api.consent.ConsentReceipt;
import io.consentplatform.api.consent.ConsentRequest;
import io.consentplatform.api.problem.Problem;
import io.consentplatform.api.tenant.versions.PublishRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types the API writes or reads with its ObjectMapper directly rather than as a resource method's
 * body (problem answers of the exception mappers, the consent body read under a size limit, the
 * signed receipt, the optional body of a publication), so Quarkus cannot see them; a native
 * executable needs them registered.
 */
@RegisterForReflection(
    targets = {ConsentReceipt.class, ConsentRequest.class, Problem.class, PublishRequest.class})
final class ApiJsonTypes {

  private ApiJsonTypes() {}
}
