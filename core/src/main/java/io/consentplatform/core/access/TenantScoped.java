package io.consentplatform.core.access;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service whose operations act for a tenant: each method that takes a {@link Caller} runs
 * in a transaction confined to the caller's tenant by the database itself ({@link
 * TenantIsolation}).
 */
@InterceptorBinding
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantScoped {}
