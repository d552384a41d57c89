package io.consentplatform.core.policy;

import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.cookie.RetentionFormat;
import io.consentplatform.core.policy.MaterialChange.Kind;
import io.consentplatform.core.policy.PolicySnapshot.CategoryEntry;
import io.consentplatform.core.policy.PolicySnapshot.CookieEntry;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.region.RegionRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether publishing a version asks visitors again: only a <em>material</em> change does, one that
 * adds to or alters what a visitor agreed to. Everything else (wording, translations, names,
 * removals, settings) is published without asking, and decisions made on earlier versions stand.
 *
 * <p>Material:
 *
 * <ul>
 *   <li>a new category: no recorded decision covers it, and the banner needs a choice for it;
 *   <li>a category's declared purpose: Consent Mode and Global Privacy Control act on it, and "yes"
 *       to statistics is not "yes" to marketing;
 *   <li>a category becoming required (cookies a visitor refused would be set) or optional (the
 *       visitor's recorded "yes" was never a choice);
 *   <li>in an optional category, a new cookie or a cookie moved in from another category (a new
 *       purpose for it), a new provider for a cookie (another party receives the data; a provider
 *       merely renamed is not new), another retention, a name that became a prefix (it covers
 *       cookies it did not name before), or a cookie that a third party now sets instead of the
 *       site;
 *   <li>a region whose visitors were not asked first (opt-out, notice, none) now asked first: what
 *       they were deemed to accept, switched on by default, was never consent;
 *   <li>an optional category becoming sensitive while some region opts out: the same, for that
 *       category.
 * </ul>
 *
 * <p>Not material:
 *
 * <ul>
 *   <li>every text in every language (banner texts, names and descriptions of categories, a
 *       cookie's function and purposes, the policy page): the platform cannot tell a corrected
 *       sentence from a new one, and a translation says the same thing; the purpose a visitor
 *       agrees to is the category's, which is compared. A tenant whose new wording announces a new
 *       use forces re-consent when publishing;
 *   <li>anything removed: less is set than the visitor agreed to;
 *   <li>cookies of required categories: they are set without consent (strictly necessary), so a
 *       decision never covered them; the cookie policy page tells about them;
 *   <li>providers by themselves (a provider sets nothing without a cookie, its policy's address is
 *       a link) and the site's settings: its name, domains and languages are not what is consented
 *       to, and the consent lifetime says when visitors are asked, not what they agree to;
 *   <li>the other changes of the rules by region (a region now opting out, told or shown nothing, a
 *       category no longer sensitive): decisions recorded stand, and visitors without one get the
 *       new default; the refusal interval, like the consent lifetime, says when to ask, not what.
 * </ul>
 */
public final class ReconsentRule {

  private ReconsentRule() {}

  /** The material changes from {@code published} to {@code next}; empty when none. */
  public static List<MaterialChange> changes(PolicySnapshot published, PolicySnapshot next) {
    List<MaterialChange> changes = new ArrayList<>();
    Map<String, CategoryEntry> before = byKey(published.categories(), CategoryEntry::key);
    for (CategoryEntry category : next.categories()) {
      CategoryEntry was = before.get(category.key());
      if (was == null) {
        changes.add(MaterialChange.of(Kind.NEW_CATEGORY, category.key(), category.key()));
        continue;
      }
      if (was.purpose() != category.purpose()) {
        changes.add(
            new MaterialChange(
                Kind.CATEGORY_PURPOSE,
                category.key(),
                category.key(),
                was.purpose().name(),
                category.purpose().name()));
      }
      if (!was.sensitive() && category.sensitive() && optsOutSomewhere(next)) {
        changes.add(MaterialChange.of(Kind.CATEGORY_SENSITIVE, category.key(), category.key()));
      }
      if (was.required() != category.required()) {
        changes.add(
            new MaterialChange(
                Kind.CATEGORY_REQUIRED,
                category.key(),
                category.key(),
                String.valueOf(was.required()),
                String.valueOf(category.required())));
      }
    }
    RegionsNowAsked.between(published.site().regionRules(), next.site().regionRules())
        .forEach(
            region ->
                changes.add(new MaterialChange(Kind.REGION_OPT_IN, region, null, null, null)));
    Map<String, CookieEntry> cookiesBefore = byKey(published.cookies(), PolicyDiff::cookieKey);
    for (CookieEntry cookie : next.cookies()) {
      boolean optional = next.category(cookie.category()).map(c -> !c.required()).orElse(false);
      if (optional) {
        cookieChanges(published, next, cookiesBefore.get(PolicyDiff.cookieKey(cookie)), cookie)
            .forEach(changes::add);
      }
    }
    return changes;
  }

  private static boolean optsOutSomewhere(PolicySnapshot snapshot) {
    RegionRules rules = snapshot.site().regionRules();
    return rules.otherwise() == Experience.OPT_OUT
        || rules.rules().stream().anyMatch(r -> r.experience() == Experience.OPT_OUT);
  }

  private static List<MaterialChange> cookieChanges(
      PolicySnapshot published, PolicySnapshot next, CookieEntry was, CookieEntry cookie) {
    String key = PolicyDiff.cookieKey(cookie);
    String category = cookie.category();
    if (was == null) {
      return List.of(MaterialChange.of(Kind.NEW_COOKIE, key, category));
    }
    List<MaterialChange> changes = new ArrayList<>();
    if (!was.category().equals(category)) {
      changes.add(
          new MaterialChange(Kind.COOKIE_CATEGORY, key, category, was.category(), category));
    }
    if (!was.provider().equals(cookie.provider())
        && !renamed(published, next, was.provider(), cookie.provider())) {
      changes.add(
          new MaterialChange(
              Kind.COOKIE_PROVIDER, key, category, was.provider(), cookie.provider()));
    }
    if (!Objects.equals(retention(was), retention(cookie))) {
      changes.add(
          new MaterialChange(
              Kind.COOKIE_RETENTION, key, category, retention(was), retention(cookie)));
    }
    if (!was.wildcard() && cookie.wildcard()) {
      changes.add(MaterialChange.of(Kind.COOKIE_WILDCARD, key, category));
    }
    if (was.party() != Party.THIRD_PARTY && cookie.party() == Party.THIRD_PARTY) {
      changes.add(MaterialChange.of(Kind.COOKIE_THIRD_PARTY, key, category));
    }
    return changes;
  }

  /**
   * A cookie's retention as compared and shown: the one place that knows how a snapshot holds it.
   * The duration and its unit are what a visitor agrees to; a note beside them is wording, unless
   * there is no duration and the note is all the retention there is.
   */
  static String retention(CookieEntry cookie) {
    Retention retention = cookie.retention();
    if (retention == null) {
      return "";
    }
    return retention.unit() != null
        ? RetentionFormat.duration(retention, "en")
        : RetentionFormat.format(retention, "en", "en");
  }

  /**
   * Whether provider {@code before} was only renamed {@code after}: the old name is gone, the new
   * one did not exist, and the cookies that both versions declare moved from one to the other
   * exactly. A provider entry carries nothing else a visitor agrees to.
   */
  private static boolean renamed(
      PolicySnapshot published, PolicySnapshot next, String before, String after) {
    if (next.provider(before).isPresent() || published.provider(after).isPresent()) {
      return false;
    }
    Set<String> kept =
        published.cookies().stream()
            .map(PolicyDiff::cookieKey)
            .filter(k -> next.cookies().stream().anyMatch(c -> PolicyDiff.cookieKey(c).equals(k)))
            .collect(Collectors.toSet());
    return setBy(published, before, kept).equals(setBy(next, after, kept));
  }

  private static Set<String> setBy(PolicySnapshot snapshot, String provider, Set<String> among) {
    return snapshot.cookies().stream()
        .filter(c -> c.provider().equals(provider))
        .map(PolicyDiff::cookieKey)
        .filter(among::contains)
        .collect(Collectors.toSet());
  }

  private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a));
  }
}
