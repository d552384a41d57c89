package io.consentplatform.core.scan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.consentplatform.core.csv.CsvFiles;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped copy of the Open Cookie Database holds its factual columns only, with its licence and
 * notice beside it (docs/tools/derive-cookie-database.py makes it from the published file).
 */
class CookieDatabaseTest {

  @Test
  void shouldShipTheFactualColumnsOnlyWithTheLicence() throws Exception {
    List<List<String>> records;
    try (InputStream in = resource(CookieDatabase.SHIPPED)) {
      records = CsvFiles.read(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    assertEquals(
        List.of(
            "ID",
            "Platform",
            "Category",
            "Cookie / Data Key name",
            "Domain",
            "Retention period",
            "Data Controller",
            "Wildcard match"),
        records.get(0),
        "no Description, no privacy portals");
    // The published file of this copy has 2,264 rows.
    assertEquals(2264, records.size() - 1);
    assertFalse(records.stream().anyMatch(r -> r.size() != 8), "every row has the eight cells");
    assertEquals(
        List.of(
            "256c8986-d881-11e9-8a34-2a2ae2dbcce4",
            "DoubleClick/Google Marketing",
            "Marketing",
            "IDE",
            "doubleclick.net (3rd party)",
            "2 years",
            "Google",
            "0"),
        records.stream().filter(r -> r.get(3).equals("IDE")).findFirst().orElseThrow());
    try (InputStream licence = resource("open-cookie-database/LICENSE");
        InputStream notice = resource("open-cookie-database/NOTICE")) {
      assertNotNull(licence);
      String text = new String(notice.readAllBytes(), StandardCharsets.UTF_8);
      assertFalse(text.isBlank());
    }
  }

  private static InputStream resource(String name) {
    InputStream in = CookieDatabaseTest.class.getClassLoader().getResourceAsStream(name);
    assertNotNull(in, name);
    return in;
  }
}
