package io.consentplatform.api.banner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

/** Measures what a response weighs on the wire once compressed. */
final class Gzip {

  private Gzip() {}

  static int size(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    }
    return out.size();
  }
}
