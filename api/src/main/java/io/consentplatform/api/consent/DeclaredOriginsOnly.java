package io.consentplatform.api.consent;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint under {@code /v1/sites/{siteKey}} that browsers may call only from the site's
 * declared domains; {@link DeclaredOrigins} enforces it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface DeclaredOriginsOnly {}
