package io.consentplatform.core.consent;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What visitors decided, per day (UTC) and category: the figures of a site's dashboard. */
@ApplicationScoped
@TenantScoped
public class Statistics {

  /** Where the figure of banners shown comes from, as the API's description states it. */
  public static final String SHOWN_SOURCE =
      "`shown` counts the beacons banners send when they appear. They are unauthenticated: any"
          + " client can send one (each address up to the public rate limit), so `shown`, and any"
          + " rate computed from it, is an estimate. Decisions are counted from consent records.";

  /** The longest period one request covers. */
  public static final int MAX_DAYS = 366;

  private final EntityManager entityManager;

  public Statistics(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * One day of a site.
   *
   * @param shown how many times banners reported being shown: beacons that nobody authenticates, so
   *     anyone may add to it (each client address up to the public rate limit); an estimate, unlike
   *     the decisions, each of which is a record
   * @param optInRate per category, the share of that day's decisions that granted it (0 to 1)
   */
  public record Day(
      LocalDate day,
      long shown,
      long decisions,
      long acceptedAll,
      long rejectedAll,
      long customized,
      long withdrawn,
      Map<String, Double> optInRate) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Day> daily(Caller caller, long siteId, LocalDate from, LocalDate to) {
    caller.require(Role.VIEWER);
    long site = TenantScope.site(caller, siteId).id;
    checkPeriod(from, to);
    OffsetDateTime start = from.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime();
    Map<LocalDate, long[]> counts = new TreeMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      counts.put(d, new long[6]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> actions =
        entityManager
            .createNativeQuery(
                "select (recorded_at at time zone 'UTC')::date, action, count(*) from consent_record"
                    + " where site_id = ?1 and recorded_at >= ?2 and recorded_at < ?3 group by 1, 2")
            .setParameter(1, site)
            .setParameter(2, start)
            .setParameter(3, end)
            .getResultList();
    for (Object[] row : actions) {
      long[] day = counts.get(localDate(row[0]));
      long n = ((Number) row[2]).longValue();
      day[1] += n;
      switch (ConsentAction.valueOf((String) row[1])) {
        case ACCEPT_ALL -> day[2] += n;
        case REJECT_ALL -> day[3] += n;
        case CUSTOM -> day[4] += n;
        case WITHDRAW -> day[5] += n;
      }
    }
    @SuppressWarnings("unchecked")
    List<Object[]> shown =
        entityManager
            .createNativeQuery(
                "select day, shown from banner_impression where site_id = ?1 and day between ?2 and ?3")
            .setParameter(1, site)
            .setParameter(2, from)
            .setParameter(3, to)
            .getResultList();
    for (Object[] row : shown) {
      counts.get(localDate(row[0]))[0] = ((Number) row[1]).longValue();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> granted =
        entityManager
            .createNativeQuery(
                "select (recorded_at at time zone 'UTC')::date, choice.key,"
                    + " count(*) filter (where choice.value = 'true'), count(*)"
                    + " from consent_record, jsonb_each_text(choices) as choice"
                    + " where site_id = ?1 and recorded_at >= ?2 and recorded_at < ?3 group by 1, 2")
            .setParameter(1, site)
            .setParameter(2, start)
            .setParameter(3, end)
            .getResultList();
    Map<LocalDate, Map<String, Double>> rates = new TreeMap<>();
    for (Object[] row : granted) {
      double rate = ((Number) row[2]).doubleValue() / ((Number) row[3]).doubleValue();
      rates.computeIfAbsent(localDate(row[0]), d -> new TreeMap<>()).put((String) row[1], rate);
    }
    List<Day> days = new ArrayList<>();
    counts.forEach(
        (day, c) ->
            days.add(
                new Day(
                    day, c[0], c[1], c[2], c[3], c[4], c[5], rates.getOrDefault(day, Map.of()))));
    return days;
  }

  /**
   * The decisions of one group of records over a period, by action.
   *
   * @param key the group: an experience's wire name ({@code opt-out}) or a region code ({@code
   *     US-CA}); {@code unknown} for records without one
   */
  public record Group(
      String key,
      long decisions,
      long acceptedAll,
      long rejectedAll,
      long customized,
      long withdrawn) {}

  /**
   * A period's decisions grouped by the experience applied and by the visitor's region, the largest
   * groups first.
   */
  public record Breakdown(
      LocalDate from, LocalDate to, List<Group> byExperience, List<Group> byRegion) {}

  /** The decisions of the days given, grouped by experience and by region. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Breakdown breakdown(Caller caller, long siteId, LocalDate from, LocalDate to) {
    caller.require(Role.VIEWER);
    long site = TenantScope.site(caller, siteId).id;
    checkPeriod(from, to);
    OffsetDateTime start = from.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime();
    return new Breakdown(
        from,
        to,
        groups(site, "experience", start, end, Statistics::experienceKey),
        groups(site, "region", start, end, stored -> stored));
  }

  /** Counts by action of the records grouped by {@code column}, a column name of ours. */
  private List<Group> groups(
      long site,
      String column,
      OffsetDateTime start,
      OffsetDateTime end,
      java.util.function.UnaryOperator<String> key) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select "
                    + column
                    + ", action, count(*) from consent_record"
                    + " where site_id = ?1 and recorded_at >= ?2 and recorded_at < ?3 group by 1, 2")
            .setParameter(1, site)
            .setParameter(2, start)
            .setParameter(3, end)
            .getResultList();
    Map<String, long[]> counts = new TreeMap<>();
    for (Object[] row : rows) {
      String group = row[0] == null ? RegionFilter.UNKNOWN : key.apply((String) row[0]);
      long[] c = counts.computeIfAbsent(group, g -> new long[5]);
      long n = ((Number) row[2]).longValue();
      c[0] += n;
      switch (ConsentAction.valueOf((String) row[1])) {
        case ACCEPT_ALL -> c[1] += n;
        case REJECT_ALL -> c[2] += n;
        case CUSTOM -> c[3] += n;
        case WITHDRAW -> c[4] += n;
      }
    }
    List<Group> groups = new ArrayList<>();
    counts.forEach((g, c) -> groups.add(new Group(g, c[0], c[1], c[2], c[3], c[4])));
    // Largest first; the TreeMap already ordered equal ones by key.
    groups.sort(java.util.Comparator.comparingLong(Group::decisions).reversed());
    return groups;
  }

  private static String experienceKey(String stored) {
    return Experience.valueOf(stored).wireName();
  }

  private static void checkPeriod(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new Rejected("to", "to must not be before from");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new Rejected("to", "At most " + MAX_DAYS + " days at once");
    }
  }

  /**
   * An origin whose decisions were refused because the site does not declare it.
   *
   * @param refused how many decisions were refused in the period
   * @param lastSeen when the latest of them came
   */
  public record RefusedOrigin(String origin, long refused, Instant lastSeen) {}

  /** The undeclared origins decisions came from, latest first, over the days given. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RefusedOrigin> refusedOrigins(
      Caller caller, long siteId, LocalDate from, LocalDate to) {
    caller.require(Role.VIEWER);
    long site = TenantScope.site(caller, siteId).id;
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select origin, sum(refused), max(last_seen) from refused_origin"
                    + " where site_id = ?1 and day between ?2 and ?3"
                    + " group by origin order by max(last_seen) desc, origin")
            .setParameter(1, site)
            .setParameter(2, from)
            .setParameter(3, to)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new RefusedOrigin((String) row[0], ((Number) row[1]).longValue(), instant(row[2])))
        .toList();
  }

  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
  }

  private static LocalDate localDate(Object value) {
    return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
  }
}
