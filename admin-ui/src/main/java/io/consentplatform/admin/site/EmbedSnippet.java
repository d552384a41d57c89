package io.consentplatform.admin.site;

import io.consentplatform.admin.PublicAddress;
import io.consentplatform.core.access.Caller;
import io.consentplatform.core.category.CategoryService;
import io.consentplatform.core.category.CategoryView;
import io.consentplatform.core.site.SiteView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * What a tenant pastes into their site's pages, with absolute addresses (a relative one would point
 * at the tenant's own server): the banner script, a script and a frame that wait for consent in one
 * of the site's categories (the attributes banner.js looks for), and a link that reopens the
 * settings.
 */
public record EmbedSnippet(String script, String blockedScript, String frame, String settingsLink) {

  /** Builds the snippets from the platform's public address. */
  @ApplicationScoped
  public static class Builder {

    private final PublicAddress address;
    private final CategoryService categories;

    public Builder(PublicAddress address, CategoryService categories) {
      this.address = address;
      this.categories = categories;
    }

    /**
     * The site's snippets; the examples name its own optional categories when it has some, else the
     * usual keys.
     */
    public EmbedSnippet of(Caller caller, SiteView site, UriInfo request) {
      String base = address.base(request);
      List<String> optional =
          categories.list(caller, site.id()).stream()
              .filter(c -> !c.required())
              .map(CategoryView::key)
              .toList();
      String first = optional.isEmpty() ? "statistics" : optional.get(0);
      String second =
          optional.size() < 2 ? (optional.isEmpty() ? "marketing" : first) : optional.get(1);
      return new EmbedSnippet(
          "<script src=\"" + base + "/v1/sites/" + site.key() + "/banner.js\"></script>",
          "<script type=\"text/plain\" data-category=\""
              + first
              + "\" src=\"https://stats.example/tracker.js\"></script>",
          "<iframe data-category=\""
              + second
              + "\" data-src=\"https://video.example/embed/42\" title=\"Video\"></iframe>",
          "<a href=\"#\" data-consent-open>Cookie settings</a>");
    }
  }
}
