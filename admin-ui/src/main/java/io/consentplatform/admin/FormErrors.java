package io.consentplatform.admin;

import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Rejected;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The messages a back-office form shows beside its fields, keyed by the field's name. A form names
 * its fields as the edit record does, so a violation's last path element ({@code
 * texts[en].purposes} gives {@code purposes}) finds its field.
 */
public final class FormErrors {

  private final Map<String, String> messages = new TreeMap<>();

  private FormErrors() {}

  /** The edit's constraint violations, one message per field. */
  public static FormErrors check(Validator validator, Object edit) {
    FormErrors errors = new FormErrors();
    for (ConstraintViolation<Object> violation : validator.validate(edit)) {
      errors.messages.putIfAbsent(field(violation.getPropertyPath()), violation.getMessage());
    }
    return errors;
  }

  /**
   * Runs the change when the form is valid; a refusal of the domain becomes the message of its
   * field ({@code conflictField} for a conflict, such as a name already taken).
   *
   * @return the change's result, or null when it did not run or was refused
   */
  public <T> T attempt(Supplier<T> change, String conflictField) {
    if (!messages.isEmpty()) {
      return null;
    }
    try {
      return change.get();
    } catch (Rejected e) {
      messages.put(field(e.field()), e.getMessage());
    } catch (Conflict e) {
      messages.put(conflictField, e.getMessage());
    }
    return null;
  }

  /** Adds a message the validator cannot know, such as a number that does not parse. */
  public FormErrors reject(String field, String message) {
    messages.putIfAbsent(field, message);
    return this;
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  public Map<String, String> messages() {
    return messages;
  }

  /**
   * The last named property of the path: {@code domains} for a bad element of the list {@code
   * domains[1].<list element>}, whose last node names no field of the form.
   */
  private static String field(Path path) {
    String field = null;
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.PROPERTY) {
        field = node.getName();
      }
    }
    return field != null ? field : field(path.toString());
  }

  private static String field(String path) {
    return path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[.*]", "");
  }
}
