package io.consentplatform.admin.banner;

import io.consentplatform.admin.FormValues;
import io.consentplatform.core.site.SiteTheme;
import org.jboss.resteasy.reactive.RestForm;

/** A site's banner look as the form sends it; an empty field keeps the platform's value. */
public class ThemeForm {

  @RestForm public String layout;
  @RestForm public String background;
  @RestForm public String text;
  @RestForm public String accent;
  @RestForm public String accentText;
  @RestForm public String font;
  @RestForm public String radius;
  @RestForm public String dark;

  /** The site's version the form was read at, so that a concurrent change is not overwritten. */
  @RestForm public String version;

  static ThemeForm of(SiteTheme theme, long version) {
    ThemeForm form = new ThemeForm();
    form.layout = (theme.layout() == null ? SiteTheme.Layout.BOX : theme.layout()).name();
    form.background = theme.background();
    form.text = theme.text();
    form.accent = theme.accent();
    form.accentText = theme.accentText();
    form.font = theme.font();
    form.radius = theme.radius() == null ? null : String.valueOf(theme.radius());
    form.dark = theme.dark() ? "on" : null;
    form.version = String.valueOf(version);
    return form;
  }

  /** Whether the dark-mode box is ticked, for the template. */
  public boolean darkChecked() {
    return dark != null;
  }

  /**
   * The look typed; a radius that is not a whole number is refused by the page before this.
   *
   * @throws NumberFormatException for such a radius
   */
  SiteTheme theme() {
    SiteTheme.Layout chosen = SiteTheme.Layout.BOX;
    for (SiteTheme.Layout l : SiteTheme.Layout.values()) {
      if (l.name().equals(layout)) {
        chosen = l;
      }
    }
    String r = FormValues.text(radius);
    return new SiteTheme(
        chosen,
        FormValues.text(background),
        FormValues.text(text),
        FormValues.text(accent),
        FormValues.text(accentText),
        FormValues.text(font),
        r == null ? null : Integer.valueOf(r),
        dark != null);
  }

  Long expectedVersion() {
    return FormValues.version(version);
  }
}
