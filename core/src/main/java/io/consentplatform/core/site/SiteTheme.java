package io.consentplatform.core.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.consentplatform.core.error.Rejected;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a site's banner looks: written into the banner as CSS custom properties, part of the
 * published version. A null member keeps the platform's own value.
 *
 * @param layout where the banner stands: a bar along the bottom, a box at the bottom, or a centred
 *     dialog over a dimmed page
 * @param background the banner's background colour ({@code #rrggbb})
 * @param text its text colour
 * @param accent the buttons' and links' colour
 * @param accentText the text colour on the buttons
 * @param font a CSS font-family list
 * @param radius the corner radius in pixels
 * @param dark whether the banner follows the visitor's dark mode ({@code prefers-color-scheme})
 *     with the platform's dark colours
 */
@JsonInclude(JsonInclude.Include.NON_NULL) // the platform's values are the banner's CSS
public record SiteTheme(
    Layout layout,
    String background,
    String text,
    String accent,
    String accentText,
    String font,
    Integer radius,
    boolean dark) {

  /** Where the banner stands on the page. */
  public enum Layout {
    BAR,
    BOX,
    CENTRE
  }

  /** The platform's look: a box, its colours, following the visitor's dark mode. */
  public static final SiteTheme PLATFORM =
      new SiteTheme(Layout.BOX, null, null, null, null, null, null, true);

  /** The platform's colours, the ones {@code banner.css} starts from. */
  static final String PLATFORM_BACKGROUND = "#ffffff";

  static final String PLATFORM_TEXT = "#1b1b1b";
  static final String PLATFORM_ACCENT = "#1f5fbf";
  static final String PLATFORM_ACCENT_TEXT = "#ffffff";

  /** The largest corner radius: rounder, the text touches the corners. */
  public static final int MAX_RADIUS = 32;

  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

  // The font list lands inside a CSS declaration: names, quotes, commas, spaces and hyphens only,
  // so that nothing can close the declaration or the rule (no ; { } < > \ or parentheses).
  private static final Pattern FONT = Pattern.compile("[\\p{L}0-9 ,'\"\\-]{1,120}");

  /**
   * This theme, checked: colours {@code #rrggbb}, a safe font list, a radius in range, and every
   * pair of colours a visitor reads readable by WCAG 2.1 AA ({@link Contrast}). Colours come back
   * in lower case, a blank font as none.
   *
   * @throws Rejected naming each field at fault, the pairs with their ratios
   */
  public SiteTheme checked() {
    List<Rejected.Fault> faults = new ArrayList<>();
    String bg = colour("background", background, faults);
    String fg = colour("text", text, faults);
    String ac = colour("accent", accent, faults);
    String on = colour("accentText", accentText, faults);
    String family = font == null || font.isBlank() ? null : font.strip();
    if (family != null && !FONT.matcher(family).matches()) {
      faults.add(
          new Rejected.Fault(
              "font",
              "A font is a list of family names separated by commas (letters, digits, spaces,"
                  + " quotes and hyphens), at most 120 characters"));
    }
    if (radius != null && (radius < 0 || radius > MAX_RADIUS)) {
      faults.add(
          new Rejected.Fault("radius", "The corner radius is between 0 and " + MAX_RADIUS + " px"));
    }
    SiteTheme checked =
        new SiteTheme(layout == null ? Layout.BOX : layout, bg, fg, ac, on, family, radius, dark);
    if (faults.isEmpty()) {
      checked
          .lowContrasts()
          .forEach(low -> faults.add(new Rejected.Fault(low.field(), low.text())));
    }
    if (!faults.isEmpty()) {
      throw new Rejected(faults.get(0).message(), faults);
    }
    return checked;
  }

  /**
   * A pair of colours a visitor reads, below what WCAG 2.1 AA asks: {@code field}'s colour on
   * {@code against}'s.
   */
  public record LowContrast(
      String field,
      String foreground,
      String against,
      String background,
      double ratio,
      double minimum) {

    /** The ratio as people read it, rounded down so that it never looks enough when it is not. */
    public String shownRatio() {
      return String.format(java.util.Locale.ROOT, "%.2f:1", Math.floor(ratio * 100) / 100);
    }

    public String shownMinimum() {
      return String.format(java.util.Locale.ROOT, "%.1f:1", minimum);
    }

    String text() {
      return field
          + " "
          + foreground
          + " on "
          + against
          + " "
          + background
          + " has a contrast of "
          + shownRatio()
          + "; WCAG 2.1 AA asks at least "
          + shownMinimum();
    }
  }

  /**
   * The pairs of this theme's colours (the platform's where it sets none) that fall short of WCAG
   * 2.1 AA; its colours must be {@code #rrggbb}.
   */
  public List<LowContrast> lowContrasts() {
    List<LowContrast> low = new ArrayList<>();
    String b = or(background, PLATFORM_BACKGROUND);
    String a = or(accent, PLATFORM_ACCENT);
    contrast("text", or(text, PLATFORM_TEXT), "background", b, Contrast.TEXT, low);
    contrast("accentText", or(accentText, PLATFORM_ACCENT_TEXT), "accent", a, Contrast.TEXT, low);
    // Links are written in the accent colour on the background: text, so 4.5:1 (which also
    // covers the buttons' 3:1 boundary against the background).
    contrast("accent", a, "background", b, Contrast.TEXT, low);
    return low;
  }

  private static String colour(String field, String value, List<Rejected.Fault> faults) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!COLOUR.matcher(value.strip()).matches()) {
      faults.add(new Rejected.Fault(field, "A colour is written #rrggbb, e.g. #1f5fbf"));
      return null;
    }
    return value.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static void contrast(
      String field,
      String foreground,
      String against,
      String background,
      double minimum,
      List<LowContrast> low) {
    // A colour not written #rrggbb has its own fault; it has no contrast to speak of.
    if (!COLOUR.matcher(foreground).matches() || !COLOUR.matcher(background).matches()) {
      return;
    }
    double ratio = Contrast.ratio(foreground, background);
    if (ratio < minimum) {
      low.add(new LowContrast(field, foreground, against, background, ratio, minimum));
    }
  }

  private static String or(String own, String platform) {
    return own != null ? own : platform;
  }
}
