package io.consentplatform.api.tenant.export;

import io.consentplatform.core.export.TenantExport;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** A tenant's archive as an HTTP download, written while the client reads it. */
public final class ExportDownload {

  public static final String ZIP = "application/zip";

  private ExportDownload() {}

  public static Response of(TenantExport export, TenantExport.Prepared prepared) {
    StreamingOutput body = out -> export.write(prepared, out);
    return Response.ok(body, ZIP)
        .header("Content-Disposition", "attachment; filename=\"" + prepared.fileName() + "\"")
        .build();
  }
}
