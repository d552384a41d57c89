package io.consentplatform.core.metrics;

import io.consentplatform.core.policy.PolicyPublished;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * What operators watch, exported at {@code /q/metrics}: decisions written and how many share a
 * commit, banner configurations served, how often the current policies are found in memory, and
 * publications. Counters are created once: the banner path must not look meters up per request.
 */
@ApplicationScoped
public class PlatformMetrics {

  private final Counter decisions;
  private final DistributionSummary batches;
  private final Counter banners;
  private final Counter cacheHits;
  private final Counter cacheMisses;
  private final Counter publications;

  public PlatformMetrics(MeterRegistry registry) {
    decisions =
        Counter.builder("consent.decisions.recorded")
            .description("Decisions committed to the database")
            .register(registry);
    batches =
        DistributionSummary.builder("consent.write.batches")
            .description("Decisions written per commit (group commit)")
            .register(registry);
    banners =
        Counter.builder("banner.requests")
            .description("Banner configurations answered (200 or 304)")
            .register(registry);
    cacheHits =
        Counter.builder("policy.cache.requests")
            .tag("result", "hit")
            .description("Lookups of a site's current policy, by whether memory had it")
            .register(registry);
    cacheMisses =
        Counter.builder("policy.cache.requests")
            .tag("result", "miss")
            .description("Lookups of a site's current policy, by whether memory had it")
            .register(registry);
    publications =
        Counter.builder("policy.publications")
            .description("Policy versions published through this instance")
            .register(registry);
  }

  public void decisionsCommitted(int count) {
    decisions.increment(count);
    batches.record(count);
  }

  public void bannerServed() {
    banners.increment();
  }

  public void policyLookedUp(boolean inMemory) {
    (inMemory ? cacheHits : cacheMisses).increment();
  }

  void onPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyPublished published) {
    publications.increment();
  }
}
