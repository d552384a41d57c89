package io.consentplatform.admin.category;

import io.consentplatform.admin.FormValues;
import io.consentplatform.core.category.CategoryEdit;
import io.consentplatform.core.category.CategoryText;
import io.consentplatform.core.category.CategoryView;
import io.consentplatform.core.category.Purpose;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestForm;

/** A category as its form holds it, with its name and description in one language. */
public class CategoryForm {

  @RestForm public String key;
  @RestForm public String purpose;
  @RestForm public String required;
  @RestForm public String sensitive;
  @RestForm public String position;
  @RestForm public String name;
  @RestForm public String description;
  @RestForm public String version;

  static CategoryForm empty() {
    CategoryForm form = new CategoryForm();
    form.key = "";
    form.purpose = Purpose.STATISTICS.name();
    form.position = "100";
    form.version = "";
    return form;
  }

  static CategoryForm of(CategoryView category, String language) {
    CategoryForm form = new CategoryForm();
    form.key = category.key();
    form.purpose = category.purpose().name();
    form.required = category.required() ? "on" : null;
    form.sensitive = category.sensitive() ? "on" : null;
    form.position = String.valueOf(category.position());
    CategoryText text = category.texts().get(language);
    form.name = text == null ? "" : text.name();
    form.description = text == null ? "" : text.description();
    form.version = String.valueOf(category.version());
    return form;
  }

  public boolean isRequired() {
    return FormValues.ticked(required);
  }

  public boolean isSensitive() {
    return FormValues.ticked(sensitive);
  }

  /** The edit asked for: {@code texts} in the other languages are kept as they are. */
  CategoryEdit edit(String language, Map<String, CategoryText> texts) {
    Map<String, CategoryText> all = new TreeMap<>(texts);
    all.put(language, new CategoryText(FormValues.text(name), FormValues.text(description)));
    return new CategoryEdit(
        FormValues.text(key),
        purpose(),
        isRequired(),
        isSensitive(),
        FormValues.position(position, 100),
        all);
  }

  Long expectedVersion() {
    return FormValues.version(version);
  }

  private Purpose purpose() {
    try {
      return purpose == null ? null : Purpose.valueOf(purpose);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
