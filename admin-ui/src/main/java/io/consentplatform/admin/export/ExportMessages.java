package io.consentplatform.admin.export;

import io.consentplatform.core.tenant.TenantState;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the "download everything" pages, used as {@code {exportMsg:key}}; the wording lives
 * in {@code messages/exportMsg_<language>.properties}.
 */
@MessageBundle(value = "exportMsg", locale = "en")
public interface ExportMessages {
  String title();

  String intro();

  String operatorTitle(String tenant);

  String operatorIntro(TenantState state);

  String contents();

  String itemTenant();

  String itemDeclarations();

  String itemVersions();

  String itemConsents();

  String itemLedger();

  String itemScans();

  String itemWebhooks();

  String itemAudit();

  String recorded();

  String download();

  String linkFromKeys();
}
