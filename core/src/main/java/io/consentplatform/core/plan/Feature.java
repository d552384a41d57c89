package io.consentplatform.core.plan;

/** The platform's optional capabilities, which a plan includes or not. */
public enum Feature {
  SCANNER("scanner"),
  WEBHOOKS("webhooks");

  private final String code;

  Feature(String code) {
    this.code = code;
  }

  /** How plans, the configuration and the API name it. */
  public String code() {
    return code;
  }
}
