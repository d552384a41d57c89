package io.consentplatform.api.consent;

import java.util.Map;

/**
 * A visitor's decision as the banner (or a tenant's own integration) posts it.
 *
 * @param visitorId the id the API gave on an earlier decision; absent on the first one
 * @param policyVersion the number of the version the visitor was shown
 * @param action {@code accept_all}, {@code reject_all}, {@code custom} or {@code withdraw}
 * @param choices granted (true) or refused (false) per category key; required for custom
 * @param lang the language the banner was shown in
 * @param method {@code banner}, {@code settings} or {@code api}
 * @param gpc whether the browser reported a Global Privacy Control signal
 */
public record ConsentRequest(
    String visitorId,
    Integer policyVersion,
    String action,
    Map<String, Boolean> choices,
    String lang,
    String method,
    Boolean gpc) {}
