package io.consentplatform.core.site;

/**
 * WCAG 2.1's contrast ratio between two sRGB colours (success criteria 1.4.3 and 1.4.11): how a
 * site's theme is judged readable before it is saved.
 */
public final class Contrast {

  /** The least ratio for normal-size text (AA). */
  public static final double TEXT = 4.5;

  private Contrast() {}

  /** The ratio (1 to 21) between two colours written {@code #rrggbb}. */
  public static double ratio(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** WCAG 2.1's relative luminance of a {@code #rrggbb} colour. */
  static double luminance(String colour) {
    int rgb = Integer.parseInt(colour.substring(1), 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    // 0.04045 as WCAG 2.2 and sRGB write it (2.1's 0.03928 gives the same on 8-bit values).
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
