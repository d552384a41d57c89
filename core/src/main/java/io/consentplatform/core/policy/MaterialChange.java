package io.consentplatform.core.policy;

/**
 * One change between two versions that asks visitors again ({@link ReconsentRule} decides which).
 *
 * @param kind what changed
 * @param subject the key of the category, or the name (and domain) of the cookie, or the region,
 *     that changed
 * @param category the key of the category concerned: the subject itself, or the cookie's category;
 *     null for a region
 * @param before the value before, when a value changed
 * @param after the value after, when a value changed
 */
public record MaterialChange(
    Kind kind, String subject, String category, String before, String after) {

  /** The kinds of change that ask visitors again. */
  public enum Kind {
    /** A category visitors were never asked about. */
    NEW_CATEGORY,
    /** A category's declared purpose (statistics, marketing...) changed. */
    CATEGORY_PURPOSE,
    /** A category became required, or stopped being required. */
    CATEGORY_REQUIRED,
    /** A cookie appeared in an optional category. */
    NEW_COOKIE,
    /** A cookie moved into another optional category: it serves another purpose. */
    COOKIE_CATEGORY,
    /** A cookie of an optional category is now set by another provider. */
    COOKIE_PROVIDER,
    /** A cookie of an optional category is kept for another time. */
    COOKIE_RETENTION,
    /** A cookie's name became a prefix: it now covers cookies it did not name before. */
    COOKIE_WILDCARD,
    /** A cookie is now set by a third party instead of the site itself. */
    COOKIE_THIRD_PARTY,
    /**
     * An optional category became sensitive while some region opts out: a "yes" its visitors there
     * got switched on by default is not the consent it now needs.
     */
    CATEGORY_SENSITIVE,
    /**
     * Visitors from a region that opted out, or were only told, are now asked first: what they were
     * deemed to accept was never consent. The subject is the region ({@code US-CA}), or {@code
     * otherwise} for every region no rule names.
     */
    REGION_OPT_IN
  }

  static MaterialChange of(Kind kind, String subject, String category) {
    return new MaterialChange(kind, subject, category, null, null);
  }
}
