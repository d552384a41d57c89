package io.consentplatform.core.scan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consentplatform.core.category.Purpose;
import io.consentplatform.core.cookie.Party;
import io.consentplatform.core.cookie.Retention;
import io.consentplatform.core.scan.report.ScanReport.Classification;
import io.consentplatform.core.scan.report.ScanReport.Rule;
import io.consentplatform.core.scan.report.ScanReport.Source;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classification in its order, each answer naming the rule that matched. The expected rows are
 * those of the Open Cookie Database as published (ids, categories, controllers read from its CSV by
 * hand), not computed by the classifier.
 */
class CookieClassifierTest {

  private static final List<String> SITE = List.of("shop.example");

  private static final List<Declaration> DECLARED =
      List.of(
          new Declaration(
              1,
              "sessionid",
              false,
              null,
              Party.FIRST_PARTY,
              Retention.session(),
              "necessary",
              Purpose.NECESSARY,
              true,
              "Shop"),
          new Declaration(
              2,
              "_ga_*",
              true,
              null,
              Party.FIRST_PARTY,
              Retention.of(2, Retention.Unit.YEARS),
              "statistics",
              Purpose.STATISTICS,
              false,
              "Google"),
          // Declared by the site: its own word beats the database's (which says Analytics).
          new Declaration(
              3,
              "_gid",
              false,
              null,
              Party.FIRST_PARTY,
              Retention.of(1, Retention.Unit.DAYS),
              "preferences",
              Purpose.PREFERENCES,
              false,
              "Own analytics"));

  private final CookieClassifier classifier =
      new CookieClassifier(DECLARED, CookieDatabase.shipped(), SITE);

  @Test
  void shouldMatchADeclaredNameFirst() {
    assertEquals(
        new Classification(
            Source.DECLARED,
            Rule.DECLARED_NAME,
            "sessionid",
            Purpose.NECESSARY,
            "necessary",
            true,
            "Shop",
            1L),
        classifier.classify("sessionid", "shop.example"));
    assertEquals(
        new Classification(
            Source.DECLARED,
            Rule.DECLARED_NAME,
            "_gid",
            Purpose.PREFERENCES,
            "preferences",
            false,
            "Own analytics",
            3L),
        classifier.classify("_gid", ".shop.example"),
        "the declaration wins over the Open Cookie Database's _gid");
  }

  @Test
  void shouldMatchAWildcardDeclarationAsAPrefix() {
    assertEquals(
        new Classification(
            Source.DECLARED,
            Rule.DECLARED_WILDCARD,
            "_ga_*",
            Purpose.STATISTICS,
            "statistics",
            false,
            "Google",
            2L),
        classifier.classify("_ga_5XK2Z9QW1L", ".shop.example"));
    // "_ga" itself is not under the prefix "_ga_": the database's _ga row says what it is.
    Classification ga = classifier.classify("_ga", ".shop.example");
    assertEquals(Source.OPEN_COOKIE_DATABASE, ga.source());
    assertEquals("256c18e8-d881-11e9-8a34-2a2ae2dbcce4", ga.matched());
  }

  @Test
  void shouldFindTheOpenCookieDatabasesRowByNameAndDomainThenByName() {
    assertEquals(
        new Classification(
            Source.OPEN_COOKIE_DATABASE,
            Rule.OCD_NAME_AND_DOMAIN,
            "256c8986-d881-11e9-8a34-2a2ae2dbcce4",
            Purpose.MARKETING,
            null,
            false,
            "Google",
            null),
        classifier.classify("IDE", ".doubleclick.net"));
    assertEquals(
        new Classification(
            Source.OPEN_COOKIE_DATABASE,
            Rule.OCD_NAME,
            "256c18e8-d881-11e9-8a34-2a2ae2dbcce4",
            Purpose.STATISTICS,
            null,
            false,
            "Google",
            null),
        classifier.classify("_ga", ".shop.example"));
  }

  @Test
  void shouldMatchTheOpenCookieDatabasesWildcardRowsAsPrefixes() {
    assertEquals(
        new Classification(
            Source.OPEN_COOKIE_DATABASE,
            Rule.OCD_WILDCARD,
            "2caa7a78-e93f-49ca-8fe6-1aaafae1efaa",
            Purpose.STATISTICS,
            null,
            false,
            "Google",
            null),
        classifier.classify("_gat_gtag_UA_123456_1", ".shop.example"));
    // Hotjar's _hjSession_ rows are Functional in the database: preferences here.
    Classification hotjar = classifier.classify("_hjSession_3021", "shop.example");
    assertEquals(Rule.OCD_WILDCARD, hotjar.rule());
    assertEquals("283823c6-684c-466e-8ca4-23b18231e5a3", hotjar.matched());
    assertEquals(Purpose.PREFERENCES, hotjar.purpose());
    assertEquals("Hotjar", hotjar.provider());
  }

  @Test
  void shouldNameTheProviderOfAThirdPartyCookieOnItsHost() {
    // Not a name the database knows; its host is DoubleClick's, whose rows are mostly Marketing.
    assertEquals(
        new Classification(
            Source.HOST_RULE,
            Rule.PROVIDER_HOST,
            "doubleclick.net",
            Purpose.MARKETING,
            null,
            false,
            "Google",
            null),
        classifier.classify("zz_unknown_7", ".ad.doubleclick.net"));
  }

  @Test
  void shouldLeaveAnUnknownCookieUnclassified() {
    assertEquals(Classification.NONE, classifier.classify("zz_unknown_7", "shop.example"));
    assertFalse(classifier.classify("zz_unknown_7", "shop.example").classified());
    // The site's own host is never a provider's, whatever the database lists.
    CookieClassifier onAProvidersHost =
        new CookieClassifier(List.of(), CookieDatabase.shipped(), List.of("doubleclick.net"));
    assertEquals(Classification.NONE, onAProvidersHost.classify("zz_unknown_7", "doubleclick.net"));
  }

  @Test
  void shouldKnowThePlatformsOwnPreferenceCookieAsNecessary() {
    Classification preference = classifier.classify("cookies_preferences", "shop.example");
    assertEquals(Source.PLATFORM, preference.source());
    assertEquals(Purpose.NECESSARY, preference.purpose());
    assertTrue(preference.necessary());
  }

  @Test
  void shouldReadANewerDatabaseInThePublishedLayout() {
    String published =
        "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,"
            + "Data Controller,User Privacy & GDPR Rights Portals,Wildcard match\n"
            + "n-1,Newco,Marketing,nc_id,newco.example (3rd party),Some prose,1 year,Newco Ltd,"
            + "https://newco.example/privacy,0\n"
            + "n-2,Newco,Security,nc_guard_,,Other prose,session,,,1\n";
    CookieClassifier newer =
        new CookieClassifier(List.of(), CookieDatabase.read(new StringReader(published)), SITE);
    Classification id = newer.classify("nc_id", ".newco.example");
    assertEquals(Rule.OCD_NAME_AND_DOMAIN, id.rule());
    assertEquals("n-1", id.matched());
    assertEquals(Purpose.MARKETING, id.purpose());
    assertEquals("Newco Ltd", id.provider());
    Classification guard = newer.classify("nc_guard_42", "shop.example");
    assertEquals(Rule.OCD_WILDCARD, guard.rule());
    assertEquals(Purpose.NECESSARY, guard.purpose(), "Security rows are necessary");
    assertEquals("Newco", guard.provider(), "no data controller: its platform");
    assertEquals(
        Classification.NONE,
        newer.classify("IDE", ".doubleclick.net"),
        "the newer file replaces the shipped one");
  }
}
