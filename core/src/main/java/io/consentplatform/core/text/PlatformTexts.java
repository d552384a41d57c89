package io.consentplatform.core.text;

import io.consentplatform.core.site.SiteTexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The platform's own default wording, used wherever a tenant has not written its own. Languages
 * without a default here get the English one until the tenant writes theirs. The wording lives in
 * {@code platform-texts_<language>.properties} beside this class, keyed by {@link SiteTexts}' field
 * names, so that a translator edits a text file and never a position in a constructor call.
 */
public final class PlatformTexts {

  public static final String FALLBACK_LANGUAGE = "en";

  /** The languages with a file of defaults; adding one is adding its file and its code here. */
  static final List<String> LANGUAGES = List.of("en", "fr");

  // Read once at class initialisation: the files are part of the jar and never change at run time.
  private static final Map<String, SiteTexts> DEFAULTS =
      LANGUAGES.stream().collect(Collectors.toUnmodifiableMap(l -> l, PlatformTexts::read));

  private PlatformTexts() {}

  /** The platform's default texts in {@code language}, or in English when it has none. */
  public static SiteTexts defaults(String language) {
    return DEFAULTS.getOrDefault(language, DEFAULTS.get(FALLBACK_LANGUAGE));
  }

  private static SiteTexts read(String language) {
    String file = "platform-texts_" + language + ".properties";
    Properties texts = new Properties();
    // Properties.load(InputStream) would read ISO-8859-1: the files are UTF-8.
    try (InputStream in = PlatformTexts.class.getResourceAsStream(file);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      texts.load(reader);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("Cannot read the platform texts " + file, e);
    }
    Function<String, String> text =
        key -> {
          String value = texts.getProperty(key);
          if (value == null) {
            throw new IllegalStateException(file + " has no text " + key);
          }
          return value;
        };
    return new SiteTexts(
        text.apply("bannerTitle"),
        text.apply("bannerMessage"),
        text.apply("acceptAll"),
        text.apply("rejectAll"),
        text.apply("customize"),
        text.apply("settingsTitle"),
        text.apply("save"),
        text.apply("alwaysOn"),
        text.apply("policyLink"),
        text.apply("gpcNotice"),
        text.apply("policyIntro"),
        text.apply("doNotSell"),
        text.apply("dismiss"),
        text.apply("noticeMessage"),
        text.apply("embedMessage"),
        text.apply("embedLoad"),
        text.apply("embedAllow"));
  }
}
