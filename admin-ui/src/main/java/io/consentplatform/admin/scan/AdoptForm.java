package io.consentplatform.admin.scan;

import io.consentplatform.admin.FormValues;
import io.consentplatform.admin.i18n.AdminLanguage;
import io.consentplatform.admin.i18n.ScanMessages;
import io.consentplatform.core.category.CategoryView;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.scan.Adoption;
import io.consentplatform.core.scan.report.ScanReport.CookieFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The new cookies of a report as the adopt form holds them: one row per new finding, in the
 * report's order, each sending its category and provider whether ticked or not (so that the lists
 * line up with the rows), and the rows ticked by their number. Sent back with errors, it shows what
 * was chosen; a row's fields are named {@code category-<row>} and {@code provider-<row>} in errors.
 */
public class AdoptForm {

  private static final Pattern FAULT = Pattern.compile("findings\\[(\\d+)]\\.?(\\w*).*");

  /** The rows ticked, by number. */
  @RestForm public List<String> pick;

  @RestForm public List<String> category;
  @RestForm public List<String> provider;

  /** The messages beside the rows' fields, once the form was refused. */
  Map<String, String> errors = Map.of();

  /** The form as the report first shows it: nothing ticked, the classification's suggestions. */
  static AdoptForm suggested(List<ReportView.Finding> fresh) {
    AdoptForm form = new AdoptForm();
    form.pick = List.of();
    form.category = fresh.stream().map(ReportView.Finding::suggestedCategory).toList();
    form.provider = fresh.stream().map(ReportView.Finding::suggestedProvider).toList();
    return form;
  }

  public boolean picked(int row) {
    return pick != null && pick.contains(String.valueOf(row));
  }

  public String category(int row) {
    return category != null && row < category.size() ? category.get(row) : "";
  }

  public String provider(int row) {
    return provider != null && row < provider.size() ? provider.get(row) : "";
  }

  /** The message beside a row's category, or null. */
  public String categoryError(int row) {
    return errors.get("category-" + row);
  }

  /** The message beside a row's provider, or null. */
  public String providerError(int row) {
    return errors.get("provider-" + row);
  }

  /** The ticked rows, in order; a number that names no row is refused with the form. */
  List<Integer> rows(int count, Map<String, String> errors) {
    List<Integer> rows = new ArrayList<>();
    for (String value : pick == null ? List.<String>of() : pick) {
      Integer row = FormValues.number(value);
      if (row == null || row < 0 || row >= count) {
        errors.putIfAbsent("form", texts().adoptUnknownFinding());
      } else if (!rows.contains(row)) {
        rows.add(row);
      }
    }
    if (rows.isEmpty()) {
      errors.putIfAbsent("form", texts().adoptNothingSelected());
    }
    return rows;
  }

  /**
   * What the ticked rows ask for, with each row's faults beside its fields: a category that is not
   * one of the site's, a provider left empty.
   */
  List<Adoption> adoptions(
      List<Integer> rows,
      List<ReportView.Finding> fresh,
      List<CategoryView> categories,
      Map<String, String> errors) {
    List<Adoption> adoptions = new ArrayList<>();
    for (int row : rows) {
      CookieFinding cookie = fresh.get(row).cookie();
      String chosen = FormValues.text(category(row));
      String named = FormValues.text(provider(row));
      if (chosen == null || categories.stream().noneMatch(c -> c.key().equals(chosen))) {
        errors.put("category-" + row, texts().adoptNoCategory());
      }
      if (named == null) {
        errors.put("provider-" + row, texts().adoptNoProvider());
      } else if (named.length() > 200) {
        errors.put("provider-" + row, texts().adoptProviderTooLong());
      }
      adoptions.add(new Adoption(cookie.name(), cookie.domain(), chosen, named, null));
    }
    return adoptions;
  }

  /**
   * The domain's refusal of some adoptions, beside the rows they came from: its faults name them as
   * {@code findings[<n>].<field>}, the n-th adoption sent, which is the n-th ticked row.
   */
  static Map<String, String> placeFaults(Rejected refusal, List<Integer> rows) {
    Map<String, String> errors = new TreeMap<>();
    for (Rejected.Fault fault : refusal.faults()) {
      Matcher m = FAULT.matcher(fault.field() == null ? "" : fault.field());
      if (m.matches() && Integer.parseInt(m.group(1)) < rows.size()) {
        int row = rows.get(Integer.parseInt(m.group(1)));
        String field = "provider".equals(m.group(2)) ? "provider" : "category";
        errors.putIfAbsent(field + "-" + row, fault.message());
      } else {
        errors.putIfAbsent("form", fault.message());
      }
    }
    if (errors.isEmpty()) {
      errors.put("form", refusal.getMessage());
    }
    return errors;
  }

  private static ScanMessages texts() {
    return AdminLanguage.current().scanMessages();
  }
}
