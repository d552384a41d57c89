package io.consentplatform.core.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

/**
 * Tells every instance, on commit, that a site's settings changed: its declared domains, and
 * whether it is archived, apply at once. The event covers this instance without waiting for the
 * notification to come back.
 */
@ApplicationScoped
public class SiteChanges {

  private final EntityManager entityManager;
  private final Event<SiteChanged> changed;

  SiteChanges(EntityManager entityManager, Event<SiteChanged> changed) {
    this.entityManager = entityManager;
    this.changed = changed;
  }

  /** Announces that {@code site}'s settings changed, within the current transaction. */
  public void announce(Site site) {
    entityManager
        .createNativeQuery("select pg_notify(?1, ?2)")
        .setParameter(1, SiteChanged.CHANNEL)
        .setParameter(2, site.key)
        .getSingleResult();
    changed.fire(new SiteChanged(site.key));
  }
}
