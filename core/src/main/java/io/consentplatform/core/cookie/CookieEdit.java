package io.consentplatform.core.cookie;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.consentplatform.core.error.Rejected;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A cookie as a tenant declares it.
 *
 * @param provider the name of one of the site's providers (also read as "service", its name before)
 * @param category the key of one of the site's categories
 * @param retention how long the browser keeps it; a plain string (the former shape) is still read,
 *     as a duration when it reads as one, else as a note for every language
 * @param storage where the browser keeps it; absent: a cookie
 * @param httpOnly a cookie the server sets with HttpOnly, which the banner cannot remove
 */
public record CookieEdit(
    @NotBlank
        @Size(max = 200)
        @Pattern(regexp = "[^\\s;,=]+", message = "a cookie name: no spaces, ';', ',' or '='")
        String name,
    boolean wildcard,
    @JsonAlias("service") @NotBlank @Size(max = 200) String provider,
    @NotBlank @Size(max = 40) String category,
    @NotNull @Valid Retention retention,
    @NotNull Party party,
    @Size(max = 253) @Pattern(regexp = "\\.?[A-Za-z0-9.-]+", message = "a domain name")
        String domain,
    @Min(0) @Max(100000) int position,
    @NotEmpty @Size(max = 30)
        Map<@Pattern(regexp = "[a-z]{2,3}") String, @Valid @NotNull CookieText> texts,
    Storage storage,
    boolean httpOnly) {

  public CookieEdit {
    storage = storage == null ? Storage.COOKIE : storage;
  }

  /** A cookie as declared before storage keys and HttpOnly were told apart (scans, the demo). */
  public CookieEdit(
      String name,
      boolean wildcard,
      String provider,
      String category,
      Retention retention,
      Party party,
      String domain,
      int position,
      Map<String, CookieText> texts) {
    this(
        name,
        wildcard,
        provider,
        category,
        retention,
        party,
        domain,
        position,
        texts,
        Storage.COOKIE,
        false);
  }

  /**
   * What cannot be: a storage key set with HttpOnly (a cookie attribute) or by a third party (its
   * storage belongs to its own site, where this one's banner cannot reach). Null when none.
   */
  public Rejected.Fault fault() {
    if (storage == Storage.COOKIE) {
      return null;
    }
    if (httpOnly) {
      return new Rejected.Fault("httpOnly", "Only a cookie can be HttpOnly, not a storage key");
    }
    if (party == Party.THIRD_PARTY) {
      return new Rejected.Fault(
          "party", "A storage key is the site's own: another site's storage is out of its reach");
    }
    return null;
  }
}
