package io.consentplatform.core.cookie;

/** Whether the visited site sets a cookie itself or another site sets it through the page. */
public enum Party {
  FIRST_PARTY,
  THIRD_PARTY
}
