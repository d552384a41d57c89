package io.consentplatform.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.consentplatform.core.db.DomainJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The digest of a consent record's content as the database holds it. Sealing and verification both
 * read the row with {@link #COLUMNS} and digest it here, so that they can never disagree about what
 * a record says.
 *
 * <p>Two formats: {@code consent-record/2} for records that know their region or the experience
 * applied (both appended), {@code consent-record/1} for those made before regions existed, where
 * both are null. A record's format follows from its own content, so every digest sealed before
 * still recomputes the same, and a region or experience written into an old record changes it.
 */
final class RecordDigest {

  /**
   * The columns of a record's content, for a query joining consent_record r and policy_version v.
   */
  static final String COLUMNS =
      "r.id, r.site_id, v.number, v.content_hash, r.visitor_id, r.action, r.method,"
          + " r.choices::text, r.language, r.gpc, r.recorded_at, r.user_agent_family,"
          + " r.ip_truncated, r.region, r.experience";

  static final String FORMAT_1 = "consent-record/1";

  static final String FORMAT_2 = "consent-record/2";

  private RecordDigest() {}

  /**
   * The SHA-256 of the record's canonical form: a JSON array of its fields in a fixed order, the
   * choices as PostgreSQL prints their JSONB (keys in its own stable order); in format 2 the region
   * code and the experience's constant name (either may be null) follow the address.
   *
   * @param first the column index of {@code r.id} in the row
   */
  static String of(ResultSet row, int first) throws SQLException {
    OffsetDateTime recordedAt = row.getObject(first + 10, OffsetDateTime.class);
    String region = row.getString(first + 13);
    String experience = row.getString(first + 14);
    boolean second = region != null || experience != null;
    List<Object> fields =
        new ArrayList<>(
            Arrays.asList(
                second ? FORMAT_2 : FORMAT_1,
                row.getString(first),
                row.getLong(first + 1),
                row.getInt(first + 2),
                row.getString(first + 3),
                row.getString(first + 4),
                row.getString(first + 5),
                row.getString(first + 6),
                row.getString(first + 7),
                row.getString(first + 8),
                row.getBoolean(first + 9),
                recordedAt.withOffsetSameInstant(ZoneOffset.UTC).toString(),
                row.getString(first + 11),
                row.getString(first + 12)));
    if (second) {
      // Format 1 records never had these columns: appending keeps their digests unchanged.
      fields.add(region);
      fields.add(experience);
    }
    try {
      return Hashes.sha256(DomainJson.mapper().writeValueAsString(fields));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Strings and numbers always serialise", e);
    }
  }
}
