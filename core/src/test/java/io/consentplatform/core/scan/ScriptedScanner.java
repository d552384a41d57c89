package io.consentplatform.core.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The engine replaced, for tests of the queue and the worker only (enabled by their profile): the
 * browser is the slow external edge, tested on its own with a real Chromium. It answers with the
 * hand-written observations a test gives it and remembers the targets it was given.
 */
@Alternative
@ApplicationScoped
public class ScriptedScanner implements SiteScanner {

  private volatile BiFunction<ScanTarget, ScanProgress, ScanObservations> script =
      (target, progress) -> {
        throw new ScanFailed("No script given");
      };
  private final List<ScanTarget> targets = new ArrayList<>();

  void answer(BiFunction<ScanTarget, ScanProgress, ScanObservations> script) {
    this.script = script;
  }

  synchronized List<ScanTarget> targets() {
    return List.copyOf(targets);
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public ScanObservations scan(ScanTarget target, ScanProgress progress) {
    synchronized (this) {
      targets.add(target);
    }
    return script.apply(target, progress);
  }
}
