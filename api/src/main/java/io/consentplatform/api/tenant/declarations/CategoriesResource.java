package io.consentplatform.api.tenant.declarations;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.api.web.EntityTags;
import io.consentplatform.core.access.SiteRef;
import io.consentplatform.core.category.CategoryEdit;
import io.consentplatform.core.category.CategoryService;
import io.consentplatform.core.category.CategoryView;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** A site's categories (drafts until published). */
@Path("/v1/tenant/sites/{siteId}/categories")
@Authenticated
@Tag(name = "Categories")
public class CategoriesResource {

  private final CategoryService categories;
  private final CurrentCaller caller;

  public CategoriesResource(CategoryService categories, CurrentCaller caller) {
    this.categories = categories;
    this.caller = caller;
  }

  @GET
  public List<CategoryView> list(@RestPath SiteRef siteId) {
    return categories.list(caller.get(), caller.siteId(siteId));
  }

  @POST
  public RestResponse<CategoryView> create(
      @RestPath SiteRef siteId, @Valid @NotNull CategoryEdit edit) {
    CategoryView created = categories.create(caller.get(), caller.siteId(siteId), edit);
    return ResponseBuilder.<CategoryView>created(
            URI.create("/v1/tenant/sites/" + siteId + "/categories/" + created.id()))
        .entity(created)
        .header(HttpHeaders.ETAG, EntityTags.ofVersion(created.version()))
        .build();
  }

  @GET
  @Path("/{categoryId}")
  public RestResponse<CategoryView> get(@RestPath SiteRef siteId, @RestPath long categoryId) {
    CategoryView category = categories.get(caller.get(), caller.siteId(siteId), categoryId);
    return ResponseBuilder.ok(category)
        .header(HttpHeaders.ETAG, EntityTags.ofVersion(category.version()))
        .build();
  }

  @PUT
  @Path("/{categoryId}")
  public RestResponse<CategoryView> update(
      @RestPath SiteRef siteId,
      @RestPath long categoryId,
      @Valid @NotNull CategoryEdit edit,
      @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
    CategoryView category =
        categories.update(
            caller.get(),
            caller.siteId(siteId),
            categoryId,
            edit,
            EntityTags.expectedVersion(ifMatch));
    return ResponseBuilder.ok(category)
        .header(HttpHeaders.ETAG, EntityTags.ofVersion(category.version()))
        .build();
  }

  @DELETE
  @Path("/{categoryId}")
  public void delete(
      @RestPath SiteRef siteId,
      @RestPath long categoryId,
      @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
    categories.delete(
        caller.get(), caller.siteId(siteId), categoryId, EntityTags.expectedVersion(ifMatch));
  }
}
