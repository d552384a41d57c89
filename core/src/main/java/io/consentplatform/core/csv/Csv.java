package io.consentplatform.core.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, quoted when they hold a comma, a quote or a line break,
 * quotes doubled inside quotes. Written cells that a spreadsheet would run as a formula are defused
 * with a leading apostrophe.
 */
public final class Csv {

  private Csv() {}

  /** Every record of the text, each a list of fields; blank lines are skipped. */
  public static List<List<String>> parse(Reader source) {
    Reader in = source.markSupported() ? source : new BufferedReader(source);
    try {
      List<List<String>> records = new ArrayList<>();
      List<String> record = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean fieldStarted = false;
      int c = in.read();
      if (c == '\uFEFF') {
        c = in.read(); // the byte-order mark spreadsheets put before UTF-8 text
      }
      for (; c != -1; c = in.read()) {
        if (quoted) {
          if (c == '"') {
            in.mark(1);
            int next = in.read();
            if (next == '"') {
              field.append('"');
            } else {
              quoted = false;
              if (next != -1) {
                in.reset();
              }
            }
          } else {
            field.append((char) c);
          }
        } else if (c == '"' && field.isEmpty()) {
          quoted = true;
          fieldStarted = true;
        } else if (c == ',') {
          record.add(field.toString());
          field.setLength(0);
          fieldStarted = true;
        } else if (c == '\n' || c == '\r') {
          if (c == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
              in.reset();
            }
          }
          if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
          }
          record = new ArrayList<>();
          field.setLength(0);
          fieldStarted = false;
        } else {
          field.append((char) c);
          fieldStarted = true;
        }
      }
      if (quoted) {
        throw new IllegalArgumentException("A quoted field is not closed before the end");
      }
      if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
        record.add(field.toString());
        records.add(record);
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One record as a CSV line, with its line break. */
  public static String line(List<?> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(fields.get(i)));
    }
    return line.append("\r\n").toString();
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text; // a formula in a spreadsheet; a cookie name never starts so
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
