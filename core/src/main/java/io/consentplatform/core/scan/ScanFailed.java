package io.consentplatform.core.scan;

/** A scan that could not run at all; its message is shown to the tenant as the scan's outcome. */
public class ScanFailed extends RuntimeException {

  public ScanFailed(String message) {
    super(message);
  }

  public ScanFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
