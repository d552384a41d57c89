package io.consentplatform.api.problem;

import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the OpenAPI document in one place: the RFC 9457 problem schema, the error answers every
 * operation can give, and how the tenant API authenticates (bearer token or API key).
 */
public class ProblemResponses implements OASFilter {

  private static final String PROBLEM = "#/components/schemas/Problem";

  private static final Map<String, String> PUBLIC_ERRORS =
      Map.of(
          "400", "The request is malformed",
          "404", "No such site, or nothing published for it",
          "422", "The request breaks a rule; the fields at fault are named");

  /** The visitor endpoints an archived site refuses. */
  private static final Pattern ARCHIVABLE =
      Pattern.compile("/v1/sites/\\{siteKey}/(banner|impressions|consents)");

  private static final Map<String, String> TENANT_ERRORS =
      Map.of(
          "401", "No credentials, or credentials not accepted",
          "403", "The caller's role does not allow this",
          "409", "Someone else changed it first (If-Match), or it conflicts with what exists");

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    openApi.getComponents().addSchema("Problem", problemSchema());
    openApi
        .getComponents()
        // The API key first: Swagger UI lists the schemes in this order, and most tenants' scripts
        // use a key.
        .addSecurityScheme(
            "apiKey",
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name("X-Api-Key")
                .description("A tenant API key, created by an owner"))
        .addSecurityScheme(
            "bearer",
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("An access token of the platform's identity provider"));
    openApi.getPaths().getPathItems().forEach((path, item) -> describe(path, item));
  }

  private static void describe(String path, PathItem item) {
    boolean tenant = path.startsWith("/v1/tenant") || path.startsWith("/v1/platform");
    item.getOperations()
        .values()
        .forEach(
            operation -> {
              PUBLIC_ERRORS.forEach(
                  (status, description) -> addProblem(operation, status, description));
              if (ARCHIVABLE.matcher(path).matches()) {
                addProblem(operation, "410", "The site's owner archived it");
              }
              if (tenant) {
                TENANT_ERRORS.forEach(
                    (status, description) -> addProblem(operation, status, description));
                operation.setSecurity(null);
                operation
                    .addSecurityRequirement(
                        OASFactory.createSecurityRequirement().addScheme("apiKey"))
                    .addSecurityRequirement(
                        OASFactory.createSecurityRequirement().addScheme("bearer"));
              }
            });
  }

  private static void addProblem(Operation operation, String status, String description) {
    if (operation.getResponses() == null || operation.getResponses().hasAPIResponse(status)) {
      return;
    }
    operation
        .getResponses()
        .addAPIResponse(
            status,
            OASFactory.createAPIResponse()
                .description(description)
                .content(
                    OASFactory.createContent()
                        .addMediaType(
                            Problem.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM)))));
  }

  private static Schema problemSchema() {
    Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description("An RFC 9457 problem detail")
        .addProperty("type", text)
        .addProperty("title", text)
        .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
        .addProperty("detail", text)
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.ARRAY)
                .items(
                    OASFactory.createSchema()
                        .addType(Schema.SchemaType.OBJECT)
                        .addProperty("field", text)
                        .addProperty("message", text)));
  }
}
