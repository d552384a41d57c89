/**
 * The tenants' back office: server-rendered Qute pages behind OIDC sign-in, where tenants declare
 * cookies, write banner texts, publish policy versions and read their consent records.
 */
package io.consentplatform.admin;
