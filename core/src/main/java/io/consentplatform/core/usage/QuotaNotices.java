package io.consentplatform.core.usage;

import io.consentplatform.core.plan.Limit;
import io.consentplatform.core.tenant.AccountsConfig;
import io.consentplatform.core.tenant.Role;
import io.consentplatform.core.tenant.TenantMember;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Tells a tenant's owners, once a month, that it went over its plan's decisions: the decisions are
 * recorded all the same (a visitor is never refused for a quota). The {@code quota_notice} row is
 * written before the mail, so that several instances, or a restart, never mail twice.
 */
@ApplicationScoped
public class QuotaNotices {

  private static final Logger LOG = Logger.getLogger(QuotaNotices.class);

  private final UsageExport usage;
  private final DecisionMeter meter;
  private final EntityManager entityManager;
  private final Mailer mailer;
  private final boolean sendMail;

  public QuotaNotices(
      UsageExport usage,
      DecisionMeter meter,
      EntityManager entityManager,
      Mailer mailer,
      AccountsConfig accounts) {
    this.usage = usage;
    this.meter = meter;
    this.entityManager = entityManager;
    this.mailer = mailer;
    this.sendMail = accounts.sendMail();
  }

  @Scheduled(
      identity = "quota-notices",
      every = "5m",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    try {
      check();
    } catch (RuntimeException e) {
      LOG.warnf("Could not check the decision quotas: %s", e.getMessage());
    }
  }

  /** Notes every tenant newly over its decisions this month and mails its owners; how many. */
  public int check() {
    meter.flush();
    YearMonth month = YearMonth.now(ZoneOffset.UTC);
    int told = 0;
    for (UsageRow row : usage.rows(month)) {
      if (row.overQuota() && firstNotice(row.tenantId(), month)) {
        told++;
        LOG.infof(
            "Tenant %d is over the decisions of its plan %s this month",
            row.tenantId(), row.plan());
        mailOwners(row);
      }
    }
    return told;
  }

  private boolean firstNotice(long tenantId, YearMonth month) {
    return QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            "insert into quota_notice (tenant_id, month, quota) values (?1, ?2, ?3)"
                                + " on conflict do nothing")
                        .setParameter(1, tenantId)
                        .setParameter(2, Date.valueOf(month.atDay(1)))
                        .setParameter(3, Limit.MAX_DECISIONS_PER_MONTH.code())
                        .executeUpdate())
        == 1;
  }

  private void mailOwners(UsageRow row) {
    if (!sendMail) {
      return;
    }
    List<String> owners =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    TenantMember.<TenantMember>list(
                            "tenant.id = ?1 and role = ?2 and email is not null",
                            row.tenantId(),
                            Role.OWNER)
                        .stream()
                        .map(m -> m.email)
                        .toList());
    String subject =
        row.name() + ": over the decisions of your plan / au-delà des décisions de votre offre";
    String body =
        "Your organisation "
            + row.name()
            + " recorded "
            + row.decisions()
            + " visitors' decisions in "
            + row.month()
            + ", more than its plan "
            + row.plan()
            + " includes. Every decision is still recorded; the platform's operator will be in"
            + " touch about your plan.\n\n"
            + "Votre organisation "
            + row.name()
            + " a enregistré "
            + row.decisions()
            + " décisions de visiteurs en "
            + row.month()
            + ", plus que n'en comprend son offre "
            + row.plan()
            + ". Chaque décision reste enregistrée ; l'opérateur de la plateforme vous contactera"
            + " au sujet de votre offre.\n";
    for (String owner : owners) {
      try {
        mailer.send(Mail.withText(owner, subject, body));
      } catch (RuntimeException e) {
        // The address is personal data: the log names the tenant, not the person.
        LOG.warnf(
            "A quota notice of tenant %d could not be mailed: %s", row.tenantId(), e.getMessage());
      }
    }
  }
}
