package io.consentplatform.api.abuse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Bounds on what the JSON parser of the tenant API accepts: no key twice, no document nesting
 * deeper than a few levels, no text longer than a megabyte.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    // A key given twice is ambiguous: refuse it (Jackson would otherwise fail on records with an
    // internal error, or silently keep the last value).
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxStringLength(1_000_000)
                .maxNumberLength(40)
                .build());
  }
}
