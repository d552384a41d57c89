package io.consentplatform.core.site;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a site's banner looks: written into the banner as CSS custom properties, part of the
 * published version. A null member keeps the platform's own value.
 *
 * @param layout where the banner stands: a bar along the bottom, a box in a corner, or centred
 * @param background the banner's background colour ({@code #rrggbb})
 * @param text its text colour
 * @param accent the buttons' and links' colour
 * @param accentText the text colour on the buttons
 * @param font a CSS font-family list
 * @param radius the corner radius in pixels
 * @param dark whether the banner follows the visitor's dark mode ({@code prefers-color-scheme})
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
}
