package io.consentplatform.api.tenant.consents;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.core.access.SiteRef;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentLog;
import io.consentplatform.core.consent.ConsentQuery;
import io.consentplatform.core.consent.RegionFilter;
import io.consentplatform.core.consent.Statistics;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.region.Experience;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A site's consent records, for answering a regulator, and its statistics. */
@Path("/v1/tenant/sites/{siteId}")
@Authenticated
@Tag(name = "Consent records")
public class ConsentLogResource {

  static final String NDJSON = "application/x-ndjson";

  private static final String REGION =
      "Only records from this region: a country (`US`, which includes its subdivisions such as"
          + " `US-CA`), a subdivision (`US-CA`), or `unknown` for records without a region";

  private static final String EXPERIENCE =
      "Only records made under this experience: `opt-in`, `opt-out`, `notice` or `none`";

  private final ConsentLog log;
  private final Statistics statistics;
  private final CurrentCaller caller;

  public ConsentLogResource(ConsentLog log, Statistics statistics, CurrentCaller caller) {
    this.log = log;
    this.statistics = statistics;
    this.caller = caller;
  }

  /**
   * The newest records first. For the next page, pass the last record's {@code recordedAt} as
   * {@code to}.
   */
  @GET
  @Path("/consents")
  @Produces(MediaType.APPLICATION_JSON)
  public List<ConsentLog.Entry> page(
      @RestPath SiteRef siteId,
      @RestQuery String from,
      @RestQuery String to,
      @RestQuery Integer version,
      @RestQuery String action,
      @Parameter(description = REGION) @RestQuery String region,
      @Parameter(description = EXPERIENCE) @RestQuery String experience,
      @RestQuery Integer limit) {
    return log.page(
        caller.get(),
        caller.siteId(siteId),
        query(from, to, version, action, region, experience),
        limit == null ? 100 : limit);
  }

  /** Every matching record, oldest first, streamed: CSV or NDJSON ({@code format}). */
  @GET
  @Path("/consents/export")
  @Produces({"text/csv", NDJSON})
  public Response export(
      @RestPath SiteRef siteId,
      @RestQuery String format,
      @RestQuery String from,
      @RestQuery String to,
      @RestQuery Integer version,
      @RestQuery String action,
      @Parameter(description = REGION) @RestQuery String region,
      @Parameter(description = EXPERIENCE) @RestQuery String experience) {
    ConsentLog.Format chosen = format(format);
    ConsentQuery query = query(from, to, version, action, region, experience);
    long site = log.readableSite(caller.get(), caller.siteId(siteId));
    StreamingOutput body = out -> log.export(site, query, chosen, out);
    String type = chosen == ConsentLog.Format.CSV ? "text/csv; charset=utf-8" : NDJSON;
    String file = "consents-" + siteId + (chosen == ConsentLog.Format.CSV ? ".csv" : ".ndjson");
    return Response.ok(body, type)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .build();
  }

  /** Per day (UTC): banner shown, decisions by action, opt-in rate per category. */
  @GET
  @Path("/statistics")
  @Operation(
      summary = "Per day (UTC): banner shown, decisions by action, opt-in rate per category",
      description = Statistics.SHOWN_SOURCE)
  @Produces(MediaType.APPLICATION_JSON)
  public List<Statistics.Day> statistics(
      @RestPath SiteRef siteId, @RestQuery String from, @RestQuery String to) {
    LocalDate end = to == null ? LocalDate.now(ZoneOffset.UTC) : date("to", to);
    LocalDate start = from == null ? end.minusDays(29) : date("from", from);
    return statistics.daily(caller.get(), caller.siteId(siteId), start, end);
  }

  /**
   * The period's decisions grouped by the experience applied and by the visitor's region (a
   * subdivision on its own line: add them up for a country).
   */
  @GET
  @Path("/statistics/breakdown")
  @Operation(
      summary = "Decisions by action, grouped by experience and by region",
      description =
          "Over the days from `from` to `to` (UTC, both included; the last 30 days by default),"
              + " each experience applied and each region recorded, with `unknown` for records"
              + " without one (records made before regions existed, or an unknown region).")
  @Produces(MediaType.APPLICATION_JSON)
  public Statistics.Breakdown breakdown(
      @RestPath SiteRef siteId, @RestQuery String from, @RestQuery String to) {
    LocalDate end = to == null ? LocalDate.now(ZoneOffset.UTC) : date("to", to);
    LocalDate start = from == null ? end.minusDays(29) : date("from", from);
    return statistics.breakdown(caller.get(), caller.siteId(siteId), start, end);
  }

  private static ConsentQuery query(
      String from, String to, Integer version, String action, String region, String experience) {
    return new ConsentQuery(
        instant("from", from),
        instant("to", to),
        version,
        action(action),
        RegionFilter.parse(region),
        experience == null ? null : Experience.fromWire(experience.toLowerCase(Locale.ROOT)));
  }

  private static ConsentLog.Format format(String format) {
    if (format == null || format.equalsIgnoreCase("csv")) {
      return ConsentLog.Format.CSV;
    }
    if (format.equalsIgnoreCase("ndjson")) {
      return ConsentLog.Format.NDJSON;
    }
    throw new Rejected("format", "format must be csv or ndjson");
  }

  private static ConsentAction action(String action) {
    if (action == null) {
      return null;
    }
    // The filter has always taken any case (ACCEPT_ALL too): clients may rely on it.
    return ConsentAction.fromWire(action.toLowerCase(Locale.ROOT));
  }

  private static Instant instant(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new Rejected(
          field, field + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
    }
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new Rejected(field, field + " must be a date such as 2026-01-31");
    }
  }
}
