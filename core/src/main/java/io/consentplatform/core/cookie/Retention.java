package io.consentplatform.core.cookie;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * How long a browser keeps a cookie: a duration (an amount of a unit, or the browsing session) that
 * every language renders in its own words ({@link RetentionFormat}), and per language an optional
 * note for what a duration cannot say. One value with {@code equals}, so that two versions of a
 * declaration compare by it.
 *
 * @param unit the unit, or {@code null} when only the notes say how long
 * @param amount how many units (at least 1); none for a session or without a unit
 * @param notes free text by language code, e.g. {@code {"en": "until you sign out"}}
 */
public record Retention(
    Unit unit,
    Integer amount,
    @Size(max = 30)
        Map<
                @Pattern(regexp = "[a-z]{2,3}", message = "a language code") String,
                @Size(max = 300) String>
            notes) {

  /**
   * The key of a note whose language is not known: a retention written as one plain string (the
   * API's former field, a stored version published before retention had a unit) that does not read
   * as a duration. {@code und} is ISO 639's code for "undetermined".
   */
  public static final String UNDETERMINED = "und";

  /** The largest amount, whatever the unit. */
  public static final int MAX_AMOUNT = 1000;

  /** The units a duration is counted in; a session has no amount. */
  public enum Unit {
    SESSION,
    MINUTES,
    HOURS,
    DAYS,
    WEEKS,
    MONTHS,
    YEARS
  }

  private static final java.util.regex.Pattern DURATION =
      java.util.regex.Pattern.compile("(\\d{1,4}) ?(\\p{L}+)\\.?");

  // Words for units in English and French, as tenants and the Open Cookie Database write them.
  private static final Map<String, Unit> UNIT_WORDS = unitWords();

  private static final java.util.Set<String> SESSION_WORDS =
      java.util.Set.of(
          "session",
          "session cookie",
          "browser session",
          "end of session",
          "end of the session",
          "end of session (browser)",
          "until the end of the session",
          "durée de la session",
          "duree de la session",
          "fin de session",
          "fin de la session",
          "le temps de la session",
          "cookie de session");

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public Retention(
      @JsonProperty("unit") Unit unit,
      @JsonProperty("amount") Integer amount,
      @JsonProperty("notes") Map<String, String> notes) {
    this.unit = unit;
    this.amount = amount;
    Map<String, String> kept = new TreeMap<>();
    if (notes != null) {
      notes.forEach(
          (language, note) -> {
            if (language != null && note != null && !note.isBlank()) {
              kept.put(language, note.strip());
            }
          });
    }
    this.notes = Collections.unmodifiableMap(kept);
  }

  public static Retention of(int amount, Unit unit) {
    return new Retention(unit, amount, Map.of());
  }

  public static Retention session() {
    return new Retention(Unit.SESSION, null, Map.of());
  }

  /**
   * A retention written as one string: its duration when it reads as one ("13 months", "1 an",
   * "Session"), else the text kept as the note in {@code language}.
   */
  public static Retention fromText(String text, String language) {
    return parse(text).orElseGet(() -> new Retention(null, null, Map.of(language, text)));
  }

  /**
   * The former shape, one string for every language: read where it still comes (API clients,
   * versions published before), its language unknown.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Retention fromText(String text) {
    return fromText(text, UNDETERMINED);
  }

  /** The duration {@code text} says, in English or French, or nothing when it says another. */
  public static Optional<Retention> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String plain = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    if (SESSION_WORDS.contains(plain)) {
      return Optional.of(session());
    }
    Matcher matcher = DURATION.matcher(plain);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int amount = Integer.parseInt(matcher.group(1));
    Unit unit = UNIT_WORDS.get(matcher.group(2));
    if (unit == null || amount < 1 || amount > MAX_AMOUNT) {
      return Optional.empty();
    }
    return Optional.of(of(amount, unit));
  }

  /** The same duration with the note in {@code language} replaced (removed when blank). */
  public Retention withNote(String language, String note) {
    Map<String, String> changed = new TreeMap<>(notes);
    changed.remove(language);
    if (note != null && !note.isBlank()) {
      changed.put(language, note);
    }
    return new Retention(unit, amount, changed);
  }

  /** The same, a note of unknown language now said to be in {@code language}. */
  public Retention noteLanguageKnown(String language) {
    if (!notes.containsKey(UNDETERMINED)) {
      return this;
    }
    Map<String, String> changed = new TreeMap<>(notes);
    String note = changed.remove(UNDETERMINED);
    changed.putIfAbsent(language, note);
    return new Retention(unit, amount, changed);
  }

  /**
   * The note for {@code language}, else the one in {@code fallback} (the site's default language),
   * else one of unknown language; or null. Never another language's: a note written on the French
   * tab must not appear on the English page.
   */
  public String note(String language, String fallback) {
    if (notes.containsKey(language)) {
      return notes.get(language);
    }
    if (fallback != null && notes.containsKey(fallback)) {
      return notes.get(fallback);
    }
    return notes.get(UNDETERMINED);
  }

  /** Bean Validation: a session has no amount; any other unit needs 1 to {@link #MAX_AMOUNT}. */
  @JsonIgnore
  @AssertTrue(message = "an amount of at least 1 for the unit, and none for a session")
  public boolean isDuration() {
    if (unit == null || unit == Unit.SESSION) {
      return amount == null;
    }
    return amount != null && amount >= 1 && amount <= MAX_AMOUNT;
  }

  /** Bean Validation: a retention says something, by its duration, a note or both. */
  @JsonIgnore
  @AssertTrue(message = "a duration or a note")
  public boolean isDescribed() {
    return unit != null || !notes.isEmpty();
  }

  private static Map<String, Unit> unitWords() {
    Map<String, Unit> words = new TreeMap<>();
    for (String w : new String[] {"min", "mins", "minute", "minutes", "mn"}) {
      words.put(w, Unit.MINUTES);
    }
    for (String w : new String[] {"h", "hr", "hrs", "hour", "hours", "heure", "heures"}) {
      words.put(w, Unit.HOURS);
    }
    for (String w : new String[] {"d", "day", "days", "j", "jour", "jours"}) {
      words.put(w, Unit.DAYS);
    }
    for (String w : new String[] {"w", "wk", "wks", "week", "weeks", "semaine", "semaines"}) {
      words.put(w, Unit.WEEKS);
    }
    for (String w : new String[] {"mo", "month", "months", "mois"}) {
      words.put(w, Unit.MONTHS);
    }
    for (String w :
        new String[] {
          "y", "yr", "yrs", "year", "years", "an", "ans", "année", "années", "annee", "annees"
        }) {
      words.put(w, Unit.YEARS);
    }
    return Map.copyOf(words);
  }
}
