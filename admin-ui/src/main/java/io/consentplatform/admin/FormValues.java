package io.consentplatform.admin;

/**
 * Form fields as the domain takes them. A browser sends every field as text, empty when left blank;
 * what does not parse becomes null, which the domain's validation then reports beside the field.
 */
public final class FormValues {

  private FormValues() {}

  /** Stripped, and null when left empty. */
  public static String text(String input) {
    return input == null || input.isBlank() ? null : input.strip();
  }

  /** A whole number, or null. */
  public static Integer number(String input) {
    try {
      return input == null ? null : Integer.valueOf(input.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A position in a list: {@code whenBlank} when left empty, and -1 when it is not a number, which
   * the domain's range refuses, so that validation reports it beside the field.
   */
  public static int position(String input, int whenBlank) {
    if (text(input) == null) {
      return whenBlank;
    }
    Integer number = number(input);
    return number == null ? -1 : number;
  }

  /** The optimistic-locking version a form was read at, or null when it has none. */
  public static Long version(String input) {
    try {
      return input == null || input.isBlank() ? null : Long.valueOf(input.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A checkbox: sent when ticked, absent otherwise. */
  public static boolean ticked(String input) {
    return input != null;
  }
}
