package io.consentplatform.core.cookie;

/**
 * What a cookie does, in one language.
 *
 * @param functionAndLocation the feature and where it runs, e.g. "Authentication (front office)"
 * @param purposes why the cookie is set, e.g. "To remember the user from one page to another"
 */
public record CookieText(String functionAndLocation, String purposes) {}
