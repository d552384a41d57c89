package io.consentplatform.api.consent;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to a visitor's decision: its (unsigned) receipt, and beside it the visitor's token.
 * The token is the visitor's secret, so it lives here and never in the receipt, which is proof
 * meant to be shown to others.
 *
 * @param visitorToken what the visitor sends with their next decision under the same visitorId
 */
public record ConsentAnswer(@JsonUnwrapped ConsentReceipt receipt, String visitorToken) {}
