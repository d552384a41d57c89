package io.consentplatform.api.tenant.declarations;

import io.consentplatform.core.CoreConfig;
import io.consentplatform.core.csv.BoundedInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.util.function.Function;

/**
 * The most bytes one CSV import may send ({@code consent.csv-import.max-bytes}), far below the
 * platform's limit for any request: refused on the declared length before the body is read ({@link
 * CsvImportLimitRoute}), and while reading a body sent without one.
 */
@ApplicationScoped
class CsvImportLimit {

  private final long maxBytes;

  CsvImportLimit(CoreConfig config) {
    this.maxBytes = config.csvImport().maxBytes().asLongValue();
  }

  long maxBytes() {
    return maxBytes;
  }

  /** The refusal's detail, naming the limit. */
  String refusal() {
    return "The file is larger than "
        + maxBytes
        + " bytes, the most one CSV import takes; split it into smaller files";
  }

  /** What {@code reading} makes of the body, refused with 413 once more than the limit arrived. */
  <T> T read(InputStream body, Function<InputStream, T> reading) {
    try {
      return reading.apply(new BoundedInput(body, maxBytes));
    } catch (BoundedInput.TooLarge e) {
      throw new WebApplicationException(refusal(), Status.REQUEST_ENTITY_TOO_LARGE);
    }
  }
}
