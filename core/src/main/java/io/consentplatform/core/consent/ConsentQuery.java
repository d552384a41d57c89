package io.consentplatform.core.consent;

import io.consentplatform.core.region.Experience;
import java.time.Instant;

/**
 * Which of a site's consent records to read: all criteria optional.
 *
 * @param from recorded at or after
 * @param to recorded before (exclusive), also the cursor of the next page
 * @param region where the visitors were ({@link RegionFilter})
 * @param experience the experience their region's rule gave them
 */
public record ConsentQuery(
    Instant from,
    Instant to,
    Integer version,
    ConsentAction action,
    RegionFilter region,
    Experience experience) {

  /** A query that does not look at regions. */
  public ConsentQuery(Instant from, Instant to, Integer version, ConsentAction action) {
    this(from, to, version, action, null, null);
  }

  String where() {
    return "c.site_id = ?"
        + (from != null ? " and c.recorded_at >= ?" : "")
        + (to != null ? " and c.recorded_at < ?" : "")
        + (version != null ? " and v.number = ?" : "")
        + (action != null ? " and c.action = ?" : "")
        + (region != null ? " and " + region.condition("c.region") : "")
        + (experience != null ? " and c.experience = ?" : "");
  }

  int bind(java.sql.PreparedStatement statement, long siteId) throws java.sql.SQLException {
    int i = 1;
    statement.setLong(i++, siteId);
    if (from != null) {
      statement.setObject(i++, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
    }
    if (to != null) {
      statement.setObject(i++, java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
    }
    if (version != null) {
      statement.setInt(i++, version);
    }
    if (action != null) {
      statement.setString(i++, action.name());
    }
    if (region != null) {
      i = region.bind(statement, i);
    }
    if (experience != null) {
      statement.setString(i++, experience.name());
    }
    return i;
  }
}
