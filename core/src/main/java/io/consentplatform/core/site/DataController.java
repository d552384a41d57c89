package io.consentplatform.core.site;

import jakarta.validation.constraints.Size;

/**
 * Who is responsible for the processing of visitors' data on a site (the GDPR's controller) and how
 * to reach them, shown on the public cookie policy page when filled in. Blank texts count as not
 * given.
 *
 * @param legalName the controller's name, such as the city or company
 * @param postalAddress its postal address, on several lines
 * @param contact an e-mail address or the web address of a contact page
 * @param dpoContact the data protection officer's e-mail address or web address, if there is one
 */
public record DataController(
    @Size(max = 200) String legalName,
    @Size(max = 500) String postalAddress,
    @Size(max = 320) @ContactPoint String contact,
    @Size(max = 320) @ContactPoint String dpoContact) {

  public static final DataController NONE = new DataController(null, null, null, null);

  public DataController {
    legalName = given(legalName);
    postalAddress = given(postalAddress);
    contact = given(contact);
    dpoContact = given(dpoContact);
  }

  /** Whether nothing is filled in: then the policy page shows no block (not a bean property). */
  public boolean nothingGiven() {
    return legalName == null && postalAddress == null && contact == null && dpoContact == null;
  }

  /** Whether the contact is an e-mail address, for a {@code mailto:} link (else a web address). */
  public boolean contactIsEmail() {
    return contact != null && ContactPoint.Validator.isEmail(contact);
  }

  public boolean dpoContactIsEmail() {
    return dpoContact != null && ContactPoint.Validator.isEmail(dpoContact);
  }

  private static String given(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
