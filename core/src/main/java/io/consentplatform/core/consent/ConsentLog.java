package io.consentplatform.core.consent;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.csv.CsvFiles;
import io.consentplatform.core.db.DomainJson;
import io.consentplatform.core.region.Experience;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A tenant's reading of its consent records: pages of them, and exports of millions. Reads go
 * straight to JDBC: an export streams rows from a database cursor to the client, so memory stays
 * flat whatever the number of rows.
 */
@ApplicationScoped
@TenantScoped
public class ConsentLog {

  /** The most records one page returns. */
  public static final int MAX_PAGE = 1000;

  private static final int FETCH_SIZE = 1000;

  // action, method and experience hold the constants' names (EnumType.STRING); readers get their
  // wire names.
  private static final String SELECT =
      "select c.id, c.visitor_id, v.number, v.content_hash, c.action, c.method, c.choices::text,"
          + " c.language, c.gpc, c.recorded_at, c.region, c.experience"
          + " from consent_record c join policy_version v on v.id = c.policy_version_id where ";

  /**
   * The columns of the NDJSON export; the CSV export has one column per category in place of {@code
   * choices}.
   */
  public static final List<String> CSV_HEADER =
      List.of(
          "consentId",
          "visitorId",
          "version",
          "versionHash",
          "action",
          "method",
          "choices",
          "language",
          "gpc",
          "recordedAt",
          "region",
          "experience");

  private static final int CHOICES = CSV_HEADER.indexOf("choices");

  private static final String GRANTED = "granted";
  private static final String DENIED = "denied";

  /**
   * One record as the log shows it; {@code choices} is its JSON object.
   *
   * @param region the visitor's country or subdivision ({@code US-CA}), null when unknown
   * @param experience the wire name of the experience applied ({@code opt-out}), null on records
   *     made before regions existed
   */
  public record Entry(
      UUID consentId,
      UUID visitorId,
      int version,
      String versionHash,
      String action,
      String method,
      Map<String, Boolean> choices,
      String language,
      boolean gpc,
      Instant recordedAt,
      String region,
      String experience) {}

  /** The export formats. */
  public enum Format {
    CSV,
    NDJSON
  }

  private final DataSource dataSource;

  public ConsentLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Checks the caller may read the site's records; call before answering an export. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long readableSite(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    return TenantScope.site(caller, siteId).id;
  }

  /** The newest records matching the query, at most {@code limit}. */
  @SuppressWarnings("unchecked")
  public List<Entry> page(Caller caller, long siteId, ConsentQuery query, int limit) {
    long site = readableSite(caller, siteId);
    List<Entry> entries = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                SELECT + query.where() + " order by c.recorded_at desc, c.id desc limit ?")) {
      int next = query.bind(statement, site);
      statement.setInt(next, Math.max(1, Math.min(limit, MAX_PAGE)));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          entries.add(
              new Entry(
                  rows.getObject(1, UUID.class),
                  rows.getObject(2, UUID.class),
                  rows.getInt(3),
                  rows.getString(4),
                  ConsentAction.valueOf(rows.getString(5)).wireName(),
                  ConsentMethod.valueOf(rows.getString(6)).wireName(),
                  DomainJson.mapper().readValue(rows.getString(7), Map.class),
                  rows.getString(8),
                  rows.getBoolean(9),
                  rows.getObject(10, OffsetDateTime.class).toInstant(),
                  rows.getString(11),
                  experience(rows.getString(12))));
        }
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Could not read consent records", e);
    }
    return entries;
  }

  /**
   * Writes every matching record, oldest first, to {@code out}. The site must have been checked
   * with {@link #readableSite} by the caller.
   */
  public long export(long siteId, ConsentQuery query, Format format, OutputStream out) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      // PostgreSQL only streams through a cursor inside a transaction.
      connection.setAutoCommit(false);
      try (PreparedStatement statement =
          connection.prepareStatement(SELECT + query.where() + " order by c.recorded_at, c.id")) {
        statement.setFetchSize(FETCH_SIZE);
        query.bind(statement, siteId);
        try (ResultSet rows = statement.executeQuery()) {
          return format == Format.CSV
              ? writeCsv(rows, categoryKeys(connection, siteId), out)
              : writeNdjson(rows, out);
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not export consent records", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the records as CSV with one column per category instead of {@code choices}, headed by
   * the category's key, each cell {@code granted}, {@code denied} or empty (a category the record's
   * version did not have), so that a spreadsheet can filter and count them.
   */
  private static long writeCsv(ResultSet rows, List<String> categories, OutputStream out)
      throws SQLException, IOException {
    List<String> header = new ArrayList<>(CSV_HEADER.subList(0, CHOICES));
    header.addAll(categories);
    header.addAll(CSV_HEADER.subList(CHOICES + 1, CSV_HEADER.size()));
    long count = 0;
    try (CsvFiles.Rows csv = CsvFiles.writer(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
      csv.write(header);
      while (rows.next()) {
        List<Object> values = exported(rows);
        JsonNode choices = DomainJson.mapper().readTree((String) values.get(CHOICES));
        List<Object> cells = new ArrayList<>(values.subList(0, CHOICES));
        for (String category : categories) {
          JsonNode choice = choices.get(category);
          cells.add(
              choice == null || !choice.isBoolean() ? "" : choice.asBoolean() ? GRANTED : DENIED);
        }
        cells.addAll(values.subList(CHOICES + 1, values.size()));
        csv.write(cells);
        count++;
      }
    }
    return count;
  }

  /**
   * The keys of the categories a site's records can hold: its categories now, in their order, then
   * those only earlier published versions had (records keep the choices of their version).
   */
  private static List<String> categoryKeys(Connection connection, long siteId)
      throws SQLException, IOException {
    Set<String> keys = new LinkedHashSet<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select key from category where site_id = ? order by position, key")) {
      statement.setLong(1, siteId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          keys.add(rows.getString(1));
        }
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select snapshot from policy_version where site_id = ? order by number desc")) {
      statement.setLong(1, siteId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          for (JsonNode category :
              DomainJson.mapper().readTree(rows.getString(1)).path("categories")) {
            keys.add(category.path("key").asText());
          }
        }
      }
    }
    return List.copyOf(keys);
  }

  private static long writeNdjson(ResultSet rows, OutputStream out)
      throws SQLException, IOException {
    long count = 0;
    try (JsonGenerator json =
        DomainJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.setRootValueSeparator(null);
      while (rows.next()) {
        List<Object> values = exported(rows);
        json.writeStartObject();
        for (int i = 0; i < CSV_HEADER.size(); i++) {
          json.writeFieldName(CSV_HEADER.get(i));
          if (i == CHOICES) {
            json.writeRawValue((String) values.get(i)); // jsonb, valid JSON by construction
          } else if (values.get(i) instanceof Instant instant) {
            json.writeString(instant.toString());
          } else {
            json.writeObject(values.get(i));
          }
        }
        json.writeEndObject();
        json.writeRaw('\n');
        count++;
      }
    }
    return count;
  }

  /**
   * One record as both exports write it, in {@link #CSV_HEADER}'s order; {@code choices} stays the
   * stored JSON text, so an export never parses a million small objects.
   */
  private static List<Object> exported(ResultSet rows) throws SQLException {
    return Arrays.asList(
        rows.getString(1),
        rows.getString(2),
        rows.getInt(3),
        rows.getString(4),
        ConsentAction.valueOf(rows.getString(5)).wireName(),
        ConsentMethod.valueOf(rows.getString(6)).wireName(),
        rows.getString(7),
        rows.getString(8),
        rows.getBoolean(9),
        rows.getObject(10, OffsetDateTime.class).toInstant(),
        rows.getString(11),
        experience(rows.getString(12)));
  }

  private static String experience(String stored) {
    return stored == null ? null : Experience.valueOf(stored).wireName();
  }
}
