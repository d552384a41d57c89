package io.consentplatform.api.tenant.ledger;

import io.consentplatform.api.tenant.access.CurrentCaller;
import io.consentplatform.core.ledger.RetentionPeriod;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How long the tenant keeps proof of consent before retention removes it. */
@Path("/v1/tenant/retention")
@Authenticated
@Tag(name = "Consent records")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

  /** The retention period, in days. */
  public record Retention(@NotNull Integer days) {}

  private final RetentionPeriod retention;
  private final CurrentCaller caller;

  public RetentionResource(RetentionPeriod retention, CurrentCaller caller) {
    this.retention = retention;
    this.caller = caller;
  }

  @GET
  public Retention retention() {
    return new Retention(retention.days(caller.get()));
  }

  /** Owners only; 30 to 3650 days. */
  @PUT
  public Retention change(@NotNull @Valid Retention wanted) {
    return new Retention(retention.change(caller.get(), wanted.days()));
  }
}
