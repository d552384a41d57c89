package io.consentplatform.core.category;

import io.consentplatform.core.access.Caller;
import io.consentplatform.core.access.TenantScope;
import io.consentplatform.core.access.TenantScoped;
import io.consentplatform.core.access.Versions;
import io.consentplatform.core.audit.Audit;
import io.consentplatform.core.cookie.Cookie;
import io.consentplatform.core.error.Conflict;
import io.consentplatform.core.error.Rejected;
import io.consentplatform.core.site.Site;
import io.consentplatform.core.tenant.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.TreeMap;

/** A site's categories, as drafts until the next publication. */
@ApplicationScoped
@TenantScoped
public class CategoryService {

  private final Audit audit;

  public CategoryService(Audit audit) {
    this.audit = audit;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CategoryView> list(Caller caller, long siteId) {
    caller.require(Role.VIEWER);
    return Category.listForSite(TenantScope.site(caller, siteId)).stream()
        .map(CategoryView::of)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public CategoryView get(Caller caller, long siteId, long categoryId) {
    caller.require(Role.VIEWER);
    return CategoryView.of(TenantScope.category(caller, siteId, categoryId));
  }

  @Transactional
  public CategoryView create(Caller caller, long siteId, CategoryEdit edit) {
    caller.require(Role.EDITOR);
    Site site = TenantScope.site(caller, siteId);
    requireUniqueKey(site, edit.key(), null);
    Category category = new Category();
    category.site = site;
    apply(category, edit);
    category.persist();
    CategoryView after = CategoryView.of(category);
    audit.record(caller, "create", "category", category.id, null, after);
    return after;
  }

  @Transactional
  public CategoryView update(
      Caller caller, long siteId, long categoryId, CategoryEdit edit, Long expectedVersion) {
    caller.require(Role.EDITOR);
    Category category = TenantScope.category(caller, siteId, categoryId);
    Versions.check(expectedVersion, category.version, "Category " + categoryId);
    requireUniqueKey(category.site, edit.key(), category.id);
    CategoryView before = CategoryView.of(category);
    apply(category, edit);
    Category.flush();
    CategoryView after = CategoryView.of(category);
    audit.record(caller, "update", "category", category.id, before, after);
    return after;
  }

  @Transactional
  public void delete(Caller caller, long siteId, long categoryId, Long expectedVersion) {
    caller.require(Role.EDITOR);
    Category category = TenantScope.category(caller, siteId, categoryId);
    Versions.check(expectedVersion, category.version, "Category " + categoryId);
    if (Cookie.count("category", category) > 0) {
      throw new Conflict(
          "Category " + category.key + " still has cookies: move or delete them first");
    }
    audit.record(caller, "delete", "category", category.id, CategoryView.of(category), null);
    category.delete();
  }

  private static void requireUniqueKey(Site site, String key, Long self) {
    boolean taken =
        Category.<Category>list("site = ?1 and key = ?2", site, key).stream()
            .anyMatch(c -> !c.id.equals(self));
    if (taken) {
      throw new Conflict("The site already has a category " + key);
    }
  }

  private static void apply(Category category, CategoryEdit edit) {
    if (edit.required() && edit.sensitive()) {
      // A required category runs for everyone: it cannot also wait for anyone's consent.
      throw new Rejected(
          "sensitive", "A required category is always on: only an optional one can be sensitive");
    }
    category.key = edit.key();
    category.purpose = edit.purpose();
    category.required = edit.required();
    category.sensitive = edit.sensitive();
    category.position = edit.position();
    category.texts = new TreeMap<>(edit.texts());
  }
}
