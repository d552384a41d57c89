package io.consentplatform.core.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body read through a cap on its bytes, for a body sent without its length: reading past the cap
 * throws {@link TooLarge}, which {@link CsvFiles#records} lets through as it was thrown.
 */
public final class BoundedInput extends FilterInputStream {

  private final long maxBytes;
  private long read;

  public BoundedInput(InputStream in, long maxBytes) {
    super(in);
    this.maxBytes = maxBytes;
  }

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
      throw new TooLarge(maxBytes);
    }
  }

  /** More than the cap was sent; nothing read should be kept. */
  public static final class TooLarge extends RuntimeException {

    private final long maxBytes;

    TooLarge(long maxBytes) {
      super("The body is larger than " + maxBytes + " bytes");
      this.maxBytes = maxBytes;
    }

    public long maxBytes() {
      return maxBytes;
    }
  }
}
