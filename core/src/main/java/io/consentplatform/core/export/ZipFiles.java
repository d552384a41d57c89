package io.consentplatform.core.export;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.consentplatform.core.db.DomainJson;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The archive being written: one entry at a time, straight to the client. */
final class ZipFiles implements AutoCloseable {

  private static final ObjectWriter JSON = DomainJson.mapper().writerWithDefaultPrettyPrinter();

  private final ZipOutputStream zip;

  ZipFiles(OutputStream out) {
    this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
  }

  void json(String name, Object value) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    JSON.writeValue(open(), value);
    zip.closeEntry();
  }

  void text(String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** Starts an entry and answers a stream for its content; the next entry ends it. */
  OutputStream entry(String name) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    return open();
  }

  /**
   * The writers of each entry (Jackson, the CSV writer) close what they write to when they are
   * done; that must end the entry, not the archive.
   */
  private OutputStream open() {
    return new FilterOutputStream(zip) {
      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        zip.write(bytes, offset, length);
      }

      @Override
      public void close() throws IOException {
        zip.flush();
      }
    };
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
