package io.consentplatform.core.scan;

/** Told by a running scan as it goes, so that a person waiting can watch it. */
@FunctionalInterface
public interface ScanProgress {

  /** {@code visited} pages of the current pass are done out of at most {@code cap}. */
  void pageVisited(Pass pass, int visited, int cap);

  ScanProgress NONE = (pass, visited, cap) -> {};
}
