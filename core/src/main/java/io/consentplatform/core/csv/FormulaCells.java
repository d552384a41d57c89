package io.consentplatform.core.csv;

/**
 * The one rule against spreadsheet formula injection, both ways: a cell that a spreadsheet would
 * run as a formula (it starts with = + - @, a tab or a carriage return) is written with a leading
 * apostrophe, and read back without it, so that an export imports as the values it came from.
 */
public final class FormulaCells {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private FormulaCells() {}

  /** The text as a cell a spreadsheet shows and never runs. */
  public static String defuse(String text) {
    return needsApostrophe(text) ? "'" + text : text;
  }

  /** The text a {@link #defuse defused} cell came from; any other cell as it is. */
  public static String restore(String cell) {
    return cell.startsWith("'") && needsApostrophe(cell.substring(1)) ? cell.substring(1) : cell;
  }

  /**
   * Apostrophes already in front count too: a value "'=x" is written "''=x", or it would be read
   * back as "=x".
   */
  private static boolean needsApostrophe(String text) {
    int first = 0;
    while (first < text.length() && text.charAt(first) == '\'') {
      first++;
    }
    return first < text.length() && FORMULA_STARTS.indexOf(text.charAt(first)) >= 0;
  }
}
