package io.consentplatform.core.category;

/** A category's name and description in one language. */
public record CategoryText(String name, String description) {}
