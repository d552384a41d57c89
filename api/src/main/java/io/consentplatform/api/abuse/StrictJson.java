package io.consentplatform.api.abuse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The one place that says how JSON from outside is read: a key given twice is refused, and the
 * parser is bounded in depth, text and number length. Public bodies, read here in full strictness,
 * also refuse unknown fields, anything after the document and a string where a number belongs; the
 * tenant API's mapper gets the same duplicate check with its own bounds.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  /** How deep, how long a text and how long a number a body may be. */
  public record Limits(int maxNestingDepth, int maxStringLength, int maxNumberLength) {

    StreamReadConstraints constraints() {
      return StreamReadConstraints.builder()
          .maxNestingDepth(maxNestingDepth)
          .maxStringLength(maxStringLength)
          .maxNumberLength(maxNumberLength)
          .build();
    }
  }

  /**
   * A visitor's decision is two levels deep and its texts are short: anything much deeper or longer
   * is an attack on the parser.
   */
  public static final Limits PUBLIC_BODY = new Limits(8, 4096, 40);

  /** A tenant's declarations may carry long texts (a policy's introduction, an import). */
  static final Limits TENANT_BODY = new Limits(32, 1_000_000, 40);

  /**
   * A reader of {@code type} for bodies sent by anyone: a field the API does not know, a key given
   * twice, a string where a boolean belongs or trailing text is a client's mistake to report, not
   * to guess around.
   */
  public static ObjectReader readerFor(Class<?> type, Limits limits) {
    return JsonMapper.builder(
            JsonFactory.builder().streamReadConstraints(limits.constraints()).build())
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build()
        .readerFor(type);
  }

  /** The REST layer's mapper, which reads the tenant API's bodies. */
  @Override
  public void customize(ObjectMapper mapper) {
    // A key given twice is ambiguous: refuse it (Jackson would otherwise fail on records with an
    // internal error, or silently keep the last value).
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.getFactory().setStreamReadConstraints(TENANT_BODY.constraints());
  }
}
