package io.consentplatform.core.site;

/** Fired when a site is archived or brought back, so that what visitors are served follows. */
public record SiteArchival(String siteKey, boolean archived) {}
