package io.consentplatform.api.tenant.declarations;

import io.consentplatform.core.CoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response.Status;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

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

  /** The body, refused with 413 as soon as more than the limit has been read from it. */
  InputStream bounded(InputStream body) {
    return new FilterInputStream(body) {
      private long read;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b != -1) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void count(int n) {
        read += n;
        if (read > maxBytes) {
          throw new WebApplicationException(refusal(), Status.REQUEST_ENTITY_TOO_LARGE);
        }
      }
    };
  }
}
