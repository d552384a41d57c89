package io.consentplatform.admin.consent;

import io.consentplatform.admin.AdminCaller;
import io.consentplatform.admin.Chrome;
import io.consentplatform.admin.HtmlErrors;
import io.consentplatform.admin.Labels;
import io.consentplatform.admin.category.CategoryNames;
import io.consentplatform.admin.category.CategoryNames.Choice;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.category.CategoryService;
import io.consentplatform.core.consent.ConsentAction;
import io.consentplatform.core.consent.ConsentIds;
import io.consentplatform.core.consent.ConsentLog;
import io.consentplatform.core.consent.ConsentMethod;
import io.consentplatform.core.consent.ConsentQuery;
import io.consentplatform.core.consent.ConsentService;
import io.consentplatform.core.consent.RecordedDecision;
import io.consentplatform.core.consent.RegionFilter;
import io.consentplatform.core.consent.Statistics;
import io.consentplatform.core.consent.WireName;
import io.consentplatform.core.error.NotFound;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.site.SiteService;
import io.consentplatform.core.site.SiteView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A site's consent records: the latest ones, filtered, and the full export. */
@Path("/admin/sites/{siteId}/consents")
@HtmlErrors
public class ConsentLogPage {

  private static final int PAGE = 50;

  /** The days the breakdown by experience and region covers, today included. */
  static final int BREAKDOWN_DAYS = 30;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance receipt(
        SiteView site, RecordedDecision record, List<Choice> choices, Chrome chrome);

    static native TemplateInstance list(
        SiteView site,
        List<Row> entries,
        List<Option> actions,
        String action,
        Filters filters,
        Statistics.Breakdown breakdown,
        Chrome chrome);
  }

  /** One record of the log: its action and method in words, its choices by category name. */
  public record Row(
      UUID consentId,
      Instant recordedAt,
      int version,
      String action,
      String method,
      List<Choice> choices,
      boolean gpc,
      String region,
      String experience) {}

  /**
   * The region and experience filters as the form shows them back.
   *
   * @param region what the person typed, kept even when it is not a region
   * @param regionInvalid true when {@code region} was ignored for not being one
   * @param experience the chosen experience's wire name, or empty
   * @param experiences the wire names to choose from
   */
  public record Filters(
      String region, boolean regionInvalid, String experience, List<String> experiences) {

    /** Whether any filter is set, for the wording of an empty log. */
    public boolean any() {
      return (!region.isEmpty() && !regionInvalid) || !experience.isEmpty();
    }
  }

  /** One choice of the action filter: the value the address carries, the words shown. */
  public record Option(String value, String label) {}

  private final ConsentLog log;
  private final ConsentService consents;
  private final SiteService sites;
  private final CategoryService categories;
  private final AdminCaller admin;
  private final Statistics statistics;

  public ConsentLogPage(
      ConsentLog log,
      ConsentService consents,
      SiteService sites,
      CategoryService categories,
      AdminCaller admin,
      Statistics statistics) {
    this.log = log;
    this.statistics = statistics;
    this.consents = consents;
    this.sites = sites;
    this.categories = categories;
    this.admin = admin;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list(
      @RestPath long siteId,
      @RestQuery String action,
      @RestQuery String region,
      @RestQuery String experience) {
    Caller caller = admin.get();
    // An unknown action or experience in the address shows every record rather than an error page;
    // a region that is not one is said so beside its field.
    ConsentAction chosen = WireName.find(ConsentAction.class, action).orElse(null);
    Experience chosenExperience = WireName.find(Experience.class, experience).orElse(null);
    RegionFilter regionFilter = null;
    boolean regionInvalid = false;
    try {
      regionFilter = RegionFilter.parse(region);
    } catch (Rejected notARegion) {
      regionInvalid = true;
    }
    SiteView site = sites.get(caller, siteId);
    CategoryNames names = CategoryNames.of(categories.list(caller, siteId), site);
    ConsentQuery query = new ConsentQuery(null, null, null, chosen, regionFilter, chosenExperience);
    List<Row> entries =
        log.page(caller, siteId, query, PAGE).stream().map(entry -> row(entry, names)).toList();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Statistics.Breakdown breakdown =
        statistics.breakdown(caller, siteId, today.minusDays(BREAKDOWN_DAYS - 1), today);
    List<Option> actions =
        Arrays.stream(ConsentAction.values())
            .map(a -> new Option(a.wireName(), Labels.label(a)))
            .toList();
    return Templates.list(
        site,
        entries,
        actions,
        chosen == null ? "" : chosen.wireName(),
        new Filters(
            region == null ? "" : region.trim(),
            regionInvalid,
            chosenExperience == null ? "" : chosenExperience.wireName(),
            Arrays.stream(Experience.values()).map(Experience::wireName).toList()),
        breakdown,
        Chrome.of(caller, admin, null));
  }

  /** One decision's proof: version and hash, choices, how and when. */
  @GET
  @Path("/{consentId}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance receipt(@RestPath long siteId, @RestPath String consentId) {
    Caller caller = admin.get();
    SiteView site = sites.get(caller, siteId);
    UUID id = ConsentIds.parse(consentId).orElseThrow(() -> new NotFound("Consent " + consentId));
    RecordedDecision record =
        consents.find(site.key(), id).orElseThrow(() -> new NotFound("Consent " + id));
    CategoryNames names = CategoryNames.of(categories.list(caller, siteId), site);
    return Templates.receipt(
        site, record, names.choices(record.choices()), Chrome.of(caller, admin, null));
  }

  private static Row row(ConsentLog.Entry entry, CategoryNames names) {
    return new Row(
        entry.consentId(),
        entry.recordedAt(),
        entry.version(),
        WireName.find(ConsentAction.class, entry.action())
            .map(Labels::label)
            .orElse(entry.action()),
        WireName.find(ConsentMethod.class, entry.method())
            .map(Labels::label)
            .orElse(entry.method()),
        names.choices(entry.choices()),
        entry.gpc(),
        entry.region(),
        entry.experience());
  }

  /** Every record as CSV, streamed: a regulator's request answered in one download. */
  @GET
  @Path("/export")
  @Produces("text/csv")
  public Response export(@RestPath long siteId) {
    long site = log.readableSite(admin.get(), siteId);
    StreamingOutput body =
        out ->
            log.export(site, new ConsentQuery(null, null, null, null), ConsentLog.Format.CSV, out);
    return Response.ok(body, "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"consents-" + siteId + ".csv\"")
        .build();
  }
}
