package io.consentplatform.core.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * RFC 4180 CSV through jackson-dataformat-csv: rows are lists of cells, lines end in CRLF, cells
 * are quoted only when they hold a comma, a quote or a line break, and every written cell is {@link
 * FormulaCells#defuse defused}.
 */
public final class CsvFiles {

  private static final CsvMapper MAPPER =
      CsvMapper.builder()
          // Without it, every cell longer than 24 characters is quoted.
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          // An export writes into the response; the container closes it.
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          // Flushing after each row would send a network packet per consent record.
          .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
          .build();

  private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private CsvFiles() {}

  /** Every record of the text, each a list of cells; blank lines are skipped. */
  public static List<List<String>> read(Reader source) {
    try {
      return new ArrayList<>(
          MAPPER
              .readerForListOf(String.class)
              .with(SCHEMA)
              .<List<String>>readValues(withoutByteOrderMark(source))
              .readAll());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Caps on a file read row by row; a file past any of them is refused as soon as the reading gets
   * there, so that what it holds never sits in memory whole.
   */
  public record Limits(int maxRows, int maxColumns, int maxCellChars) {}

  /**
   * The records of the text one at a time, as they are read, blank lines skipped. Reading throws
   * {@link LimitExceeded} at the first record past a cap, IllegalArgumentException (with the line)
   * where the text is not CSV.
   */
  public static Iterator<List<String>> records(Reader source, Limits limits) {
    MappingIterator<List<String>> values;
    try {
      values =
          MAPPER
              .readerForListOf(String.class)
              .with(SCHEMA)
              .readValues(withoutByteOrderMark(source));
    } catch (IOException e) {
      throw notCsv(e);
    }
    return new Iterator<>() {
      private int read;

      @Override
      public boolean hasNext() {
        try {
          return values.hasNextValue();
        } catch (IOException e) {
          throw notCsv(e);
        }
      }

      @Override
      public List<String> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        List<String> record;
        try {
          record = values.nextValue();
        } catch (IOException e) {
          throw notCsv(e);
        }
        if (++read > limits.maxRows()) {
          throw new LimitExceeded(
              "The file has more than " + limits.maxRows() + " lines, the most one import takes");
        }
        if (record.size() > limits.maxColumns()) {
          throw new LimitExceeded(
              "Line "
                  + read
                  + " has "
                  + record.size()
                  + " fields, more than the "
                  + limits.maxColumns()
                  + " a file may have");
        }
        for (String cell : record) {
          if (cell.length() > limits.maxCellChars()) {
            throw new LimitExceeded(
                "Line "
                    + read
                    + " has a field longer than "
                    + limits.maxCellChars()
                    + " characters, the most one field may hold");
          }
        }
        return record;
      }
    };
  }

  /** A file past one of its {@link Limits}; the message names the limit. */
  public static final class LimitExceeded extends RuntimeException {
    LimitExceeded(String message) {
      super(message);
    }
  }

  private static RuntimeException notCsv(IOException e) {
    // A body past its size limit, wrapped by the parser: as it was thrown.
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof BoundedInput.TooLarge tooLarge) {
        return tooLarge;
      }
    }
    if (e instanceof JsonProcessingException parse) {
      JsonLocation at = parse.getLocation();
      return new IllegalArgumentException(
          parse.getOriginalMessage() + (at == null ? "" : " (line " + at.getLineNr() + ")"), e);
    }
    return new UncheckedIOException(e);
  }

  /** Writes rows to {@code out} one at a time, so that a long export never sits in memory. */
  public static Rows writer(Writer out) {
    try {
      return new Rows(MAPPER.writer(SCHEMA).writeValues(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rows on their way out; closing flushes them and leaves the target open. */
  public static final class Rows implements Closeable {

    private final SequenceWriter out;

    private Rows(SequenceWriter out) {
      this.out = out;
    }

    /** One row; {@code null} cells are empty, others are written as their {@code toString()}. */
    public Rows write(List<?> cells) {
      List<String> row = new ArrayList<>(cells.size());
      for (Object cell : cells) {
        row.add(cell == null ? "" : FormulaCells.defuse(cell.toString()));
      }
      try {
        out.write(row);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Spreadsheets put a byte-order mark before UTF-8 text; jackson-dataformat-csv only drops it when
   * it decodes bytes itself, not from a {@link Reader}.
   */
  private static Reader withoutByteOrderMark(Reader source) throws IOException {
    PushbackReader in = new PushbackReader(source, 1);
    int first = in.read();
    if (first != -1 && first != BYTE_ORDER_MARK) {
      in.unread(first);
    }
    return in;
  }
}
